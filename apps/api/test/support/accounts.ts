import { linkIn, readMail } from './mail';
import { TestApp } from './test-app';

export interface SignUpInput {
  email: string;
  name: string;
  password: string;
  workspaceName: string;
}

export interface SignedUp {
  token: string;
  expiresAt: string;
  user: { id: string; email: string; name: string };
  workspace: { id: string; name: string };
}

export const SIGN_UP = 'mutation($input: SignUpInput!) { signUp(input: $input) { done } }';
export const CONFIRM_SIGN_UP =
  'mutation($input: ConfirmSignUpInput!) { confirmSignUp(input: $input) { token expiresAt user { id email name } workspace { id name } } }';

/** The token of the sign-up link mailed to this address by `fn`. */
export async function signUpLinkMailed(app: TestApp, email: string, fn: () => Promise<unknown>): Promise<string> {
  const before = app.outbox().length;
  await fn();
  const mail = app.outbox().slice(before).map(readMail).find((m) => m.to.includes(email.trim().toLowerCase()));
  if (!mail) throw new Error(`no mail to ${email}`);
  return linkIn(mail, '/sign-up/confirm').token;
}

/** A new account and its own workspace, as a person makes one: sign up, then follow the emailed link. */
export async function signUpAndConfirm(app: TestApp, input: SignUpInput, headers?: Record<string, string>): Promise<SignedUp> {
  const token = await signUpLinkMailed(app, input.email, async () => {
    const res = await app.request({ query: SIGN_UP, variables: { input }, headers });
    if (res.errors) throw new Error(`signUp as ${input.email} failed: ${JSON.stringify(res.errors)}`);
  });
  const confirmed = await app.request<{ confirmSignUp: SignedUp }>({ query: CONFIRM_SIGN_UP, variables: { input: { token } }, headers });
  if (!confirmed.data?.confirmSignUp) throw new Error(`confirmSignUp as ${input.email} failed: ${JSON.stringify(confirmed.errors)}`);
  return confirmed.data.confirmSignUp;
}
