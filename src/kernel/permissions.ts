// The permission catalogue lives in the kernel's contract, so the web app can use the same names.
export { PERMISSIONS, type Permission } from './contract/permissions.js';
