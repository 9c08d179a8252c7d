import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';

/**
 * The JWT signing key: JWT_SECRET when given, else one made at first start and kept in the
 * database, so that every instance signs and verifies with the same key.
 */
@Injectable()
export class SecretsService {
  private jwtSecret?: Promise<string>;
  private readonly others = new Map<string, Promise<string>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  jwt(): Promise<string> {
    this.jwtSecret ??= this.config.JWT_SECRET ? Promise.resolve(this.config.JWT_SECRET) : this.stored('jwt');
    return this.jwtSecret;
  }

  /** A random server secret of this name, made once and shared through the database. */
  named(name: string): Promise<string> {
    let secret = this.others.get(name);
    if (!secret) {
      secret = this.stored(name);
      this.others.set(name, secret);
    }
    return secret;
  }

  private async stored(name: string): Promise<string> {
    await this.dataSource.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      name,
      randomBytes(48).toString('base64url'),
    ]);
    const [{ value }] = await this.dataSource.query('SELECT value FROM server_secrets WHERE name = $1', [name]);
    return value;
  }
}
