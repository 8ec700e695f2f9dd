-- Only for the platform's own integration test: what the test handler did.
create table test_effect (
    event_id     uuid  not null,
    donation_id  text  not null,
    applied_at   timestamptz not null default now()
);
create table test_state (
    id  text primary key
);
