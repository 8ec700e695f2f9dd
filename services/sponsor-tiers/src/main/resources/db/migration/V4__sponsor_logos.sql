-- Each sponsorship's logo, as uploaded and checked (PNG or SVG by content); served on the wall.
create table sponsorship_logo (
    sponsorship_id  uuid         primary key references sponsorship (id),
    content_type    text         not null check (content_type in ('image/png', 'image/svg+xml')),
    content         bytea        not null,
    sha256          text         not null,
    uploaded_at     timestamptz  not null default now()
);
