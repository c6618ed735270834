import { randomUUID } from 'node:crypto';

/** The mutation being run: its CHANGE rows (written by triggers) and its MUTATION row share `operationId`. */
export interface AuditedOperation {
  action: string;
  operationId: string;
  /** Set by a mutation that wrote its own MUTATION row inside its statement (castVote). */
  recorded: boolean;
}

/**
 * What one operation (an HTTP request, or one live event for one viewer) leaves in the audit
 * trail: the applicants whose files it read, written as one row when it ends (audit-recorder.ts),
 * and the mutation it is running, which transactions name to the triggers (db/acting.ts).
 */
export class OperationAudit {
  private reads?: Set<string>;
  current: AuditedOperation | null = null;

  read(applicantId: string): void {
    (this.reads ??= new Set()).add(applicantId);
  }

  /** The applicants read since the last call. */
  takeReads(): string[] {
    if (!this.reads || this.reads.size === 0) return [];
    const ids = [...this.reads];
    this.reads.clear();
    return ids;
  }

  begin(action: string): AuditedOperation {
    this.current = { action, operationId: randomUUID(), recorded: false };
    return this.current;
  }
}
