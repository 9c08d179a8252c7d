// Data source for the TypeORM CLI (npx typeorm-ts-node-commonjs -d apps/api/src/database/typeorm.config.ts ...),
// against DATABASE_URL; `npm run db:migrate` also works on the embedded database.
import { createDataSource } from './data-source';

if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL must be set for the TypeORM CLI');
export default createDataSource(process.env.DATABASE_URL);
