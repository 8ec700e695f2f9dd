-- A charge.refunded carries the charge's running total refunded: a refund made outside Endow was reported again with
-- every later refund of the charge (e.g. Endow's own refund of a registrant's answer). A refund is now recorded only
-- when the part refunded outside Endow grows, and each row says what it newly reports, so that the list can be summed.
alter table unmatched_stripe_event
    -- a refund: what of amount_minor was refunded outside Endow so far (amount_minor less refunded_by_endow_minor);
    -- null for a dispute
    add column refunded_outside_minor bigint check (refunded_outside_minor >= 0),
    -- what this row reports taken back that no earlier row did: a refund, how much refunded_outside_minor grew since
    -- the largest recorded before for the payment; a dispute opened, its amount; a dispute closed, 0 (it closes the
    -- opened one's row: won, the money came back; lost, it stays taken)
    add column newly_taken_minor bigint not null default 0 check (newly_taken_minor >= 0);

update unmatched_stripe_event
   set refunded_outside_minor = greatest(amount_minor - coalesce(refunded_by_endow_minor, 0), 0)
 where kind = 'REFUND';

update unmatched_stripe_event u
   set newly_taken_minor = greatest(u.refunded_outside_minor - coalesce(
           (select max(p.refunded_outside_minor)
              from unmatched_stripe_event p
             where p.kind = 'REFUND' and p.payment_intent_id = u.payment_intent_id and p.currency = u.currency
               and (p.stripe_at, p.stripe_event_id) < (u.stripe_at, u.stripe_event_id)), 0), 0)
 where u.kind = 'REFUND';

update unmatched_stripe_event
   set newly_taken_minor = amount_minor
 where kind = 'DISPUTE' and event_type = 'charge.dispute.created';

alter table unmatched_stripe_event
    add check ((kind = 'REFUND') = (refunded_outside_minor is not null)),
    alter column newly_taken_minor drop default;

-- one payment's part refunded outside Endow is reported growing to a given total once (refunds of a payment are also
-- compared under a lock, so two applied at once cannot both report the same growth)
create unique index unmatched_stripe_event_outside_once
    on unmatched_stripe_event (payment_intent_id, currency, refunded_outside_minor)
    where kind = 'REFUND' and newly_taken_minor > 0;
