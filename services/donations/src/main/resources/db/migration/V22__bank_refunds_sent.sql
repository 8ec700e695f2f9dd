-- A refund due by bank transfer is recorded by staff once they have sent it: when, by whom, and the
-- transfer's reference. Until then it is owed; the tally and the list of bank refunds tell the two apart.
alter table registration
    add column bank_refund_sent_at        timestamptz,
    add column bank_refund_sent_by        text,
    add column bank_refund_sent_reference text,
    add constraint bank_refund_sent_when_due_by_bank
        check (bank_refund_sent_at is null or refund_way = 'DUE_BY_BANK'),
    add constraint bank_refund_sent_recorded_whole
        check ((bank_refund_sent_at is null) = (bank_refund_sent_by is null)
               and (bank_refund_sent_at is null) = (bank_refund_sent_reference is null));
