-- Every received gift is kept here with its donation id; shown_as is null unless its donor consents,
-- so that a consent given or withdrawn later (DonationRecognitionChanged) shows or hides the gift.
alter table recognised_gift add column donation_id text;
alter table recognised_gift alter column shown_as drop not null;
create index recognised_gift_by_donation on recognised_gift (donation_id);
drop index recognised_gift_latest;
create index recognised_gift_latest on recognised_gift (received_at desc) where shown_as is not null;
