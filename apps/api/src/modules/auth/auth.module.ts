import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { MailModule } from '../mail/mail.module';
import { AccountLimitsService } from './account-limits.service';
import { AccountsService } from './accounts.service';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { SecretsService } from './secrets.service';
import { ApiKeyStrategy } from './strategies/api-key.strategy';
import { JwtStrategy } from './strategies/jwt.strategy';
import { LocalStrategy } from './strategies/local.strategy';

@Module({
  imports: [PassportModule.register({ session: false }), JwtModule.register({}), MailModule],
  providers: [SecretsService, AccountLimitsService, AccountsService, AuthService, JwtStrategy, ApiKeyStrategy, LocalStrategy, AuthGuard, AuthResolver],
  exports: [AccountsService, AuthService, AuthGuard, SecretsService],
})
export class AuthModule {}
