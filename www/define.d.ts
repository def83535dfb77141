// Importing './define' registers <deadline-guard-orders> and <deadline-guard-reconcile>.
export { DeadlineGuardOrdersElement, DeadlineGuardReconcileElement } from './deadline-guard.js';
