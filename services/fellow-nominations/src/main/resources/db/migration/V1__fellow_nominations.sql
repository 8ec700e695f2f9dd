-- Fellow nominations: nominees (one per person), nominations (endorsements), the work group and its
-- votes, closed tallies (counts only), single-purpose tokens, and the audit log.
create table nominee (
    id               uuid         primary key,
    name             text         not null,
    email            text         not null,
    links            text[]       not null default '{}',
    status           text         not null check (status in
                         ('NOMINATED', 'REFERENCES_REQUESTED', 'VERIFIED', 'ELECTED', 'FELLOW', 'EXPIRED', 'MERGED')),
    cycle_label      text         not null,
    cycle_cut_off    date         not null,
    cycle_review_end date         not null,
    first_nominated  date         not null,
    elected_in       text,
    display_name     text,
    accepted_at      timestamptz,
    merged_into      uuid         references nominee (id)
);
-- one nominee under consideration per email: a second nomination of the same person endorses it
create unique index nominee_one_active_per_email on nominee (email)
  where status in ('NOMINATED', 'REFERENCES_REQUESTED', 'VERIFIED');
create index nominee_by_cycle on nominee (cycle_label);

create table nomination (
    id                 uuid         primary key,
    nominee_id         uuid         not null references nominee (id),
    nominator_account  text         not null,
    nominator_name     text         not null,
    nominator_email    text         not null,
    statement          text         not null,
    submitted_at       timestamptz  not null
);
create index nomination_by_nominee on nomination (nominee_id);
create index nomination_by_nominator on nomination (nominator_account, submitted_at desc);

create table nomination_reference (
    nomination_id  uuid  not null references nomination (id),
    position       int   not null,
    name           text  not null,
    email          text  not null,
    relation       text  not null default '',
    primary key (nomination_id, position)
);

create table work_group_member (
    account_id  text     primary key,
    name        text     not null,
    email       text     not null,
    veto        boolean  not null default false
);

create table vote (
    nominee_id  uuid         not null references nominee (id),
    cycle       text         not null,
    member_id   text         not null,
    choice      text         not null check (choice in ('YES', 'NO', 'ABSTAIN', 'CONFLICT')),
    cast_at     timestamptz  not null default now(),
    primary key (nominee_id, cycle, member_id)
);

create table vote_reminder (
    nominee_id  uuid  not null,
    cycle       text  not null,
    member_id   text  not null,
    primary key (nominee_id, cycle, member_id)
);

create table cycle_result (
    nominee_id    uuid  not null references nominee (id),
    cycle         text  not null,
    nominee_name  text  not null,
    yes           int   not null,
    no            int   not null,
    abstain       int   not null,
    conflict      int   not null,
    not_voted     int   not null,
    decision      text  not null,
    primary key (nominee_id, cycle)
);

create table link_token (
    hash     text         primary key,
    purpose  text         not null,
    subject  uuid         not null,
    created  timestamptz  not null default now()
);

create table audit_log (
    id       bigserial    primary key,
    actor    text         not null,
    action   text         not null,
    target   text         not null,
    details  text         not null default '',
    at       timestamptz  not null
);
create index audit_log_at on audit_log (at desc);
