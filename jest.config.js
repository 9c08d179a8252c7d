// `npm test`: every project's tests — libs/domain unit tests, then the API's unit and integration tests.
module.exports = {
  projects: ['<rootDir>/libs/domain/jest.config.js', '<rootDir>/apps/api/jest.config.js'],
  // A global option: Jest ignores testTimeout inside a project's config, so the API's 30 s is set here.
  // Hooks that start an API and its database took over the 5 s default on a loaded machine.
  testTimeout: 30000,
};
