-- Gifts in another currency than their item's are converted at a rate staff recorded: the rate in
-- effect when the gift was first recorded, kept per donation so that its receipt, refunds and
-- disputes use the same one (a full refund then takes out exactly what the gift put in).
create table exchange_rate (
    currency         char(3)         not null,
    ledger_currency  char(3)         not null,
    -- ledger currency per unit of currency, an exact decimal (never a float)
    rate             numeric(20, 10) not null check (rate > 0),
    effective_from   timestamptz     not null,
    recorded_by      text            not null,
    recorded_at      timestamptz     not null,
    primary key (currency, ledger_currency, effective_from),
    check (currency <> ledger_currency)
);

create table donation_rate (
    donation_id      text            not null,
    currency         char(3)         not null,
    ledger_currency  char(3)         not null,
    rate             numeric(20, 10) not null check (rate > 0),
    primary key (donation_id, currency, ledger_currency)
);
