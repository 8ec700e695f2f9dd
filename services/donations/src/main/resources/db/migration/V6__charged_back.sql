-- What a lost card dispute took back of a gift (the card's bank returned it to the donor): with refunds, it is
-- deducted from what the donor gave, on the annual statement, and from what may still be refunded.
alter table donation add column charged_back_minor bigint not null default 0;
alter table donation add constraint donation_charged_back_within_amount
    check (charged_back_minor >= 0 and charged_back_minor + refunded_minor <= amount_minor);
