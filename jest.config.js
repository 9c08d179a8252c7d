// `npm test`: every project's tests — libs/domain unit tests, then the API's unit and integration tests.
module.exports = {
  projects: ['<rootDir>/libs/domain/jest.config.js', '<rootDir>/apps/api/jest.config.js'],
};
