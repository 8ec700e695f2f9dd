-- A donation carries who gave (a guest has no account, only a name and an email), how often, an
-- optional dedication, and the donor's choice about public recognition.
alter table donation alter column donor_id drop not null;
alter table donation add column donor_name text;
alter table donation add column donor_email text;
alter table donation add column frequency text not null default 'ONE_TIME';
alter table donation add column dedication text;
alter table donation add column recognition_consent boolean not null default false;
alter table donation add column recognition_anonymous boolean not null default false;
alter table donation add column recognition_display_name text;

-- Pledges made before: the contact the donor had at their last pledge.
update donation d set donor_name = c.name, donor_email = c.email
  from donor_contact c where c.donor_id = d.donor_id;

alter table donation add constraint donation_donor_known
  check (donor_id is not null or (donor_name is not null and donor_email is not null));
alter table donation add constraint donation_frequency check (frequency in ('ONE_TIME', 'MONTHLY'));

-- A guest's retry with the same key is the same gift.
create unique index donation_guest_idempotency on donation (idempotency_key)
  where donor_id is null and idempotency_key is not null;
