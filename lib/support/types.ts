// Support types that client components need: pure, no server imports.

/** A customer found by the support search, and which field matched. */
export interface CustomerHit {
  id: string;
  code: string;
  name: string;
  matched: 'name' | 'code' | 'email' | 'contract' | 'option';
}
