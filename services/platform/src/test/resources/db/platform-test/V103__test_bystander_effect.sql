-- Only for the platform's own integration tests: what the second handler of DonationPledged did.
create table test_bystander_effect (
    event_id     uuid  not null,
    donation_id  text  not null
);
