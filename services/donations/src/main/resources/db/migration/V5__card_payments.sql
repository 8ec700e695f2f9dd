-- Card gifts (Stripe Checkout): refunds and disputes on a gift, monthly gifts, and which provider
-- references (checkout sessions, payment intents, subscriptions) belong to which gift.

alter table donation add column refunded_minor bigint not null default 0;
alter table donation add constraint donation_refund_within_amount
  check (refunded_minor >= 0 and refunded_minor <= amount_minor);
alter table donation add column dispute_status text;
alter table donation add constraint donation_dispute_status check (dispute_status in ('OPEN', 'WON', 'LOST'));
alter table donation add constraint donation_status
  check (status in ('PLEDGED', 'RECEIVED', 'AWAITING_PAYMENT', 'ABANDONED', 'REFUNDED'));

create table recurring_gift (
    id                        uuid         primary key,
    donor_id                  text,
    donor_name                text         not null,
    donor_email               text         not null,
    dedication                text,
    recognition_consent       boolean      not null default false,
    recognition_anonymous     boolean      not null default false,
    recognition_display_name  text,
    amount_minor              bigint       not null check (amount_minor > 0),
    currency                  char(3)      not null,
    fund_code                 text         not null,
    status                    text         not null check (status in ('AWAITING_PAYMENT', 'ACTIVE', 'CANCELLED')),
    created_at                timestamptz  not null,
    started_at                timestamptz,
    cancelled_at              timestamptz,
    idempotency_key           text
);
create unique index recurring_gift_idempotency on recurring_gift (donor_id, idempotency_key)
  where donor_id is not null and idempotency_key is not null;
create unique index recurring_gift_guest_idempotency on recurring_gift (idempotency_key)
  where donor_id is null and idempotency_key is not null;
create index recurring_gift_by_donor on recurring_gift (donor_id, created_at desc);

-- one checkout per gift; a retried request finds it
create table card_checkout (
    checkout_id        text         primary key,
    url                text         not null,
    donation_id        uuid         unique references donation (id),
    recurring_gift_id  uuid         unique references recurring_gift (id),
    opened_at          timestamptz  not null default now(),
    check ((donation_id is null) <> (recurring_gift_id is null))
);

-- the payment that paid a gift (a payment intent): refunds and disputes name it
create table card_payment (
    payment_id   text  primary key,
    donation_id  uuid  not null unique references donation (id)
);

create table card_subscription (
    subscription_id    text  primary key,
    recurring_gift_id  uuid  not null unique references recurring_gift (id)
);
