-- Only for the platform's own integration test (HandlerTimeoutIT): a row the test locks from another connection, which
-- the test handler then waits for, and what that handler did.
create table test_held_lock (
    id  text primary key
);
insert into test_held_lock (id) values ('held');

create table test_waiting_effect (
    event_id     uuid  not null,
    donation_id  text  not null
);
