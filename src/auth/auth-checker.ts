import type { AuthChecker } from 'type-graphql';
import type { Context } from '../context';
import { forbidden, unauthenticated } from '../common/errors';

/**
 * The single authorization point for `@Authorized(...roles)`. It throws rather than returning
 * false so clients get our stable codes; row-level rules (committee seats, conflicts) are in
 * the services, through `Access`.
 */
export const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  if (!context.user) throw unauthenticated();
  if (roles.length > 0 && !roles.includes(context.user.role)) {
    throw forbidden(`This needs the ${roles.join(' or ')} role.`);
  }
  return true;
};
