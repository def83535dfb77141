// Registers the Deadline Guard elements under their default names:
//   <script type="module" src="deadline-guard/define.js"></script>
// To use other names or a scoped registry, import the classes and call `define(tag, registry)`.
import { DeadlineGuardOrdersElement } from './elements/orders.js';
import { DeadlineGuardReconcileElement } from './elements/reconcile.js';

DeadlineGuardOrdersElement.define();
DeadlineGuardReconcileElement.define();

export { DeadlineGuardOrdersElement, DeadlineGuardReconcileElement };
