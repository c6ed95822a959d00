import type { RouteDef } from '../router';
import { businessUnitRoutes } from './businessUnits';
import { catalogRoutes } from './catalog';
import { contactRoutes } from './contacts';
import { customColumnRoutes } from './customColumns';
import { distributionRoutes } from './distributions';
import { excludeListRoutes } from './excludeLists';
import { mailingListRoutes } from './mailingLists';
import { orderRoutes } from './orders';
import { saleCouponRoutes } from './saleCoupons';
import { transactionalRoutes } from './transactional';

/**
 * The route table: every documented method + path of the Mail Komplet REST API, and the
 * orders route the vendor's e-shop plugins use beyond it.
 */
export const routes: readonly RouteDef[] = [
	...mailingListRoutes,
	...contactRoutes,
	...catalogRoutes,
	...distributionRoutes,
	...transactionalRoutes,
	...customColumnRoutes,
	...excludeListRoutes,
	...saleCouponRoutes,
	...businessUnitRoutes,
	...orderRoutes,
];
