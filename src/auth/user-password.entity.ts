import { Entity, OneToOne, Opt, Property, Ref } from '@mikro-orm/core';
import { User } from './user.entity';

/** The built-in sign-in's password hash (see passwords.ts), apart from app_user so no read of users ever carries it. */
@Entity({ tableName: 'user_password' })
export class UserPassword {
  @OneToOne(() => User, { primary: true, owner: true, ref: true, deleteRule: 'cascade' })
  user: Ref<User>;

  @Property({ type: 'text' })
  hash: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date & Opt = new Date();
}
