import { describe, expectTypeOf, it } from 'vitest';
import type {
  CaseOf,
  CaseState,
  DetectedCase,
  HandedOverCase,
  PassportConfirmedCase,
  PersonChanges,
  PoliceVerification,
  TransitionResult,
  VerifiedCase,
  WithPoliceCase,
  WorkflowEvent,
} from '../../src/workflow/index.js';
import { hasStatus } from '../../src/workflow/index.js';

declare const any: CaseState;
declare const detected: DetectedCase;
declare const withPolice: WithPoliceCase;
declare const verified: VerifiedCase;
declare const result: TransitionResult;

describe('case states', () => {
  it('rejects reading the police verification of a case that was never verified', () => {
    // @ts-expect-error a detected case has no verification
    detected.verification;
    // @ts-expect-error a case with the police is not verified yet
    withPolice.verification;
    // @ts-expect-error not every case has a verification
    any.verification;
    // @ts-expect-error not every case has a hand-over list
    any.handover;
    expectTypeOf(verified.verification).toEqualTypeOf<PoliceVerification>();
    expectTypeOf(verified.verification.idNumber).toEqualTypeOf<string>();
  });

  it('narrows on status', () => {
    if (any.status === 'verified') expectTypeOf(any).toEqualTypeOf<VerifiedCase>();
    if (any.status === 'passport-confirmed') {
      expectTypeOf(any.passportConfirmation.signature.contentHash).toBeString();
      expectTypeOf(any.verification.idNumber).toBeString();
    }
    if (hasStatus(any, 'handed-over')) expectTypeOf(any).toEqualTypeOf<HandedOverCase>();
    expectTypeOf<CaseOf<'passport-confirmed'>>().toEqualTypeOf<PassportConfirmedCase>();
    if (result.success && result.data.status === 'returned') {
      expectTypeOf(result.data.returned.missing).toEqualTypeOf<
        readonly ('fullName' | 'dob' | 'sex' | 'idNumber' | 'phone' | 'address')[]
      >();
    }
  });

  it('keeps the state data of earlier steps, and only those', () => {
    expectTypeOf<HandedOverCase>().toHaveProperty('verification');
    expectTypeOf<HandedOverCase>().not.toHaveProperty('platformUpdate');
    expectTypeOf<CaseOf<'not-in-register'>>().not.toHaveProperty('verification');
    expectTypeOf<CaseOf<'merged'>>().not.toHaveProperty('listing');
    expectTypeOf<CaseOf<'listed'>>().not.toHaveProperty('assignment');
  });

  it('makes states read-only', () => {
    // @ts-expect-error states are immutable
    verified.status = 'detected';
    // @ts-expect-error verification data is immutable
    verified.verification.idNumber = '0';
  });

  it('types events: a correction needs an expected version, a list event a signed list', () => {
    // @ts-expect-error expectedVersion is required for corrections
    const noVersion: WorkflowEvent = { type: 'correct', caseId: 'c', changes: {} };
    // @ts-expect-error a hand-back carries a list, not a case id
    const noList: WorkflowEvent = { type: 'hand-back', caseId: 'c' };
    const x = { email: 'x' };
    // @ts-expect-error unknown person fields are rejected
    const changes: PersonChanges = x;
    const badField = { type: 'correct', caseId: 'c', expectedVersion: 1, changes };
    expectTypeOf([noVersion, noList, badField]).toBeArray();
  });
});
