-- What an issued invoice charges, kept with the sponsorship when staff countersign (which issues it):
-- the tax on the fee, the sum of the tax lines printed on the invoice, and the total due (fee and tax),
-- in minor units of the sponsorship's currency. The card checkout, the card payment check, the overdue
-- reminder and the staff CSV ask for these, not for the tax settings of the day, which may change after
-- the invoice is issued. Nullifying the contract clears them; the next countersignature stores the new
-- invoice's.
--
-- Invoices issued before this migration are left without figures (null): the tax they were issued
-- with is only in their PDF, and is not guessed here. For those the service falls back to the tax
-- settings configured now, as it did before.
alter table sponsorship
    add column invoice_tax_minor    bigint check (invoice_tax_minor >= 0),
    add column invoice_total_minor  bigint;

alter table sponsorship add constraint sponsorship_invoice_amounts_check check (
    (invoice_tax_minor is null and invoice_total_minor is null)
    or (invoice_number is not null
        and invoice_tax_minor is not null
        and invoice_total_minor = fee_minor + invoice_tax_minor));
