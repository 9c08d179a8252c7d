export default async function globalTeardown(): Promise<void> {
  await globalThis.__PACTWATCH_TEST_DB__?.stop();
}
