-- A payment may have paid more than its gift: a cancelled event's ticket paid by card, part of it donated and the
-- rest refunded on the same payment when the registrant answered. Stripe reports a payment's refunds as one
-- cumulative amount; only what goes beyond the refunds made before the gift existed is refunded of the gift.
alter table card_payment add column refunded_before_gift_minor bigint not null default 0;
alter table card_payment add constraint card_payment_refunded_before_gift
    check (refunded_before_gift_minor >= 0);
