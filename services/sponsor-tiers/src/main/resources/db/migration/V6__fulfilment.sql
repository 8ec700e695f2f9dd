-- Fulfilment: what each benefit needs from the sponsor (a logo, a text, a link) and by when; what
-- each sponsor sent; the optional code-of-conduct vetting; staff letting a sponsor appear on the
-- wall before the contract is executed.
create table benefit_asset (
    year             int   not null,
    benefit_code     text  not null,
    code             text  not null check (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    kind             text  not null check (kind in ('LOGO', 'TEXT', 'LINK')),
    label            text  not null,
    -- due this many days after the sponsorship starts (negative: before it starts)
    due_offset_days  int   not null default 0 check (due_offset_days between -365 and 365),
    -- a text's longest length in characters
    max_length       int   not null default 1000 check (max_length between 1 and 10000),
    primary key (year, benefit_code, code),
    foreign key (year, benefit_code) references benefit (year, code)
);

create table sponsorship_asset (
    sponsorship_id  uuid         not null references sponsorship (id),
    benefit_code    text         not null,
    code            text         not null,
    value           text         not null,
    submitted_by    text         not null,
    submitted_at    timestamptz  not null,
    primary key (sponsorship_id, benefit_code, code)
);

alter table sponsorship
    add column vetting_passed          boolean,
    add column vetting_note            text,
    add column vetted_by               text,
    add column vetted_at               timestamptz,
    add column shown_before_execution  boolean not null default false;

alter table sponsorship_reminder drop constraint sponsorship_reminder_kind_check;
alter table sponsorship_reminder add constraint sponsorship_reminder_kind_check
    check (kind in ('OVERDUE', 'RENEWAL', 'ASSET'));

insert into benefit_asset (year, benefit_code, code, kind, label, due_offset_days, max_length) values
    (2022, 'psf-sponsors-page-logo', 'logo', 'LOGO', 'Logo for the sponsors page', -14, 1000),
    (2022, 'pypi-footer-logo', 'logo', 'LOGO', 'Logo for the pypi.org footer', -14, 1000),
    (2022, 'packaging-docs-logo', 'logo', 'LOGO', 'Logo for packaging.python.org', -14, 1000),
    (2022, 'pycon-opening-slide', 'logo', 'LOGO', 'Logo for the opening-keynote slide', -30, 1000),
    (2022, 'pycon-lanyards', 'logo', 'LOGO', 'Logo for the lanyards', -60, 1000),
    (2022, 'psf-blog-thanks', 'blurb', 'TEXT', 'About your organisation, for the thank-you post', 14, 1000),
    (2022, 'psf-blog-thanks', 'website', 'LINK', 'The page the post links to', 14, 2000),
    (2022, 'pypi-sponsor-banner', 'banner-text', 'TEXT', 'Banner text', 30, 140),
    (2022, 'pypi-sponsor-banner', 'banner-link', 'LINK', 'Where the banner leads', 30, 2000),
    (2022, 'pycon-job-listing', 'jobs-page', 'LINK', 'Your jobs page', 30, 2000),
    (2022, 'core-sprint-seat', 'attendee', 'TEXT', 'Name and email of the engineer who attends', 30, 200),
    (2022, 'pycon-booth', 'booth-staff', 'TEXT', 'Names of the people staffing the booth', -30, 1000);
