// The customer's changes, one file per flow (apply, add, change, cancel, withdraw, cloud-info).
// Each follows one shape (style.md): the caller has run the guard and parsed the input; the
// service runs one transaction — load under lock → state → lib/rules → write + audit row.
// In 'review' mode nothing is written: the same judgement returns what the customer will see.
// This module keeps the names callers import; new code may import the flow files directly.
export { addOption } from './add';
export { applyForContract } from './apply';
export { cancelContract, cancelOption } from './cancel';
export { changeTargets, requestOptionChange } from './change';
export { updateCloudInfo } from './cloud-info';
export { withdrawApplication, withdrawCancellation, withdrawChangeRequest, withdrawContractApplication } from './withdraw';
export type {
  CancellationPreview,
  ChangePreview,
  Ctx,
  EndingOption,
  FeeLine,
  Mode,
  OptionOrder,
  OrderPreview,
  Outcome,
  Refusal,
  RuleViolation,
} from './types';
