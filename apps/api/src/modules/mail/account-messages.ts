import { Locale } from '@pactwatch/domain';

/** A message's subject and plain text. */
export interface MessageText {
  subject: string;
  text: string;
}

const ROLE_NAMES: Record<Locale, Record<string, string>> = {
  en: { OWNER: 'owner', ADMIN: 'admin', ANALYST: 'analyst', VIEWER: 'viewer' },
  es: { OWNER: 'propietario', ADMIN: 'administrador', ANALYST: 'analista', VIEWER: 'lector' },
};

/**
 * The account emails (sign-up, password reset, invitation) in the recipient's language. Plain
 * text only: each carries one link, and nothing else a mail client might render.
 */
export const ACCOUNT_MESSAGES = {
  signUpConfirm(locale: Locale, p: { name: string; workspaceName: string; link: string; hours: number }): MessageText {
    return locale === 'es'
      ? {
          subject: 'Confirme su nueva cuenta de Pactwatch',
          text: `Hola, ${p.name}:\n\nPara crear su cuenta de Pactwatch y el espacio de trabajo «${p.workspaceName}», siga este enlace en las próximas ${p.hours} horas. Sirve una sola vez:\n\n${p.link}\n\nSi no fue usted, ignore este mensaje: sin el enlace no se crea ninguna cuenta.\n`,
        }
      : {
          subject: 'Confirm your new Pactwatch account',
          text: `Hello ${p.name},\n\nTo create your Pactwatch account and the workspace “${p.workspaceName}”, follow this link within ${p.hours} hours. It works once:\n\n${p.link}\n\nIf it was not you, ignore this message: no account is made without the link.\n`,
        };
  },

  signUpKnown(locale: Locale, p: { name: string; base: string }): MessageText {
    return locale === 'es'
      ? {
          subject: 'Alguien intentó crear una cuenta de Pactwatch con su dirección',
          text: `Hola, ${p.name}:\n\nAlguien (quizá usted) intentó crear una cuenta de Pactwatch con esta dirección. Ya tiene una, así que no se creó nada.\n\nInicie sesión en ${p.base} con la contraseña que tiene; si la olvidó, pida restablecerla.\n\nSi no fue usted, ignore este mensaje: su cuenta sigue igual.\n`,
        }
      : {
          subject: 'Someone tried to create a Pactwatch account with your address',
          text: `Hello ${p.name},\n\nSomeone (perhaps you) tried to create a Pactwatch account with this address. You already have one, so nothing was created.\n\nSign in at ${p.base} with the password you have; if you have forgotten it, ask for a password reset instead.\n\nIf it was not you, ignore this message: your account stays as it is.\n`,
        };
  },

  passwordReset(locale: Locale, p: { name: string; link: string; minutes: number }): MessageText {
    return locale === 'es'
      ? {
          subject: 'Restablezca su contraseña de Pactwatch',
          text: `Hola, ${p.name}:\n\nAlguien (esperamos que usted) pidió restablecer su contraseña de Pactwatch. Este enlace sirve una vez, durante ${p.minutes} minutos:\n\n${p.link}\n\nSi no fue usted, ignore este mensaje: su contraseña sigue igual.\n`,
        }
      : {
          subject: 'Reset your Pactwatch password',
          text: `Hello ${p.name},\n\nSomeone (we hope you) asked to reset your Pactwatch password. This link works once, for ${p.minutes} minutes:\n\n${p.link}\n\nIf it was not you, ignore this message: your password stays as it is.\n`,
        };
  },

  passwordResetNoAccount(locale: Locale): MessageText {
    return locale === 'es'
      ? {
          subject: 'Restablezca su contraseña de Pactwatch',
          text: 'Hola:\n\nAlguien (quizá usted) pidió restablecer la contraseña de Pactwatch de esta dirección, pero ninguna cuenta de Pactwatch la usa. Si tiene una cuenta, está a nombre de otra dirección.\n\nSi no fue usted, ignore este mensaje.\n',
        }
      : {
          subject: 'Reset your Pactwatch password',
          text: 'Hello,\n\nSomeone (perhaps you) asked to reset the Pactwatch password of this address, but no Pactwatch account uses it. If you have an account, it is under another address.\n\nIf it was not you, ignore this message.\n',
        };
  },

  invitation(locale: Locale, p: { inviter: string; workspaceName: string; role: string; link: string; days: number }): MessageText {
    const role = ROLE_NAMES[locale][p.role] ?? p.role;
    return locale === 'es'
      ? {
          subject: `${p.inviter} le invita a ${p.workspaceName} en Pactwatch`,
          text: `${p.inviter} le invita a unirse a «${p.workspaceName}» en Pactwatch como ${role}.\n\nAcepte en los próximos ${p.days} días:\n\n${p.link}\n`,
        }
      : {
          subject: `${p.inviter} invites you to ${p.workspaceName} on Pactwatch`,
          text: `${p.inviter} invites you to join “${p.workspaceName}” on Pactwatch as ${p.role}.\n\nAccept within ${p.days} days:\n\n${p.link}\n`,
        };
  },
};
