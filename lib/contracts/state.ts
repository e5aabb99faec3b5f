// Kept for the screens that import status and held options from here; the code lives in the
// shared contract kernel (lib/contract).
export { activePbbContracts, closeAppliedContract, findOption, heldOn, heldOptions, lockClosedNetwork, lockContract } from '@/lib/contract/lock';
export { displayStatus, toContractState, toOptionState, type DisplayStatus } from '@/lib/contract/state';
