-- The PSF's 2022 sponsorship packages, with the Packaging program (amounts in US cents).
insert into catalogue_year (year) values (2022);

insert into program (code, name) values
    ('foundation', 'Foundation'),
    ('pypi', 'PyPI'),
    ('core-development', 'Core Development'),
    ('pycon-us', 'PyCon US'),
    ('packaging', 'Packaging');

insert into legal_clause (year, code, title, text) values
    (2022, 'logo-use', 'Use of marks',
     'The Sponsor grants the Foundation a non-exclusive, royalty-free licence to display the Sponsor''s name and logo for the term of the sponsorship, in the placements described in this agreement.'),
    (2022, 'pycon-terms', 'PyCon US participation',
     'Booths, passes and speaking slots are subject to the PyCon US Code of Conduct and the exhibitor terms published for the conference; unused passes do not carry over.'),
    (2022, 'pypi-neutrality', 'Neutrality of the index',
     'Sponsorship of PyPI gives no influence over the content, ranking or moderation of packages on the index.'),
    (2022, 'packaging-restricted', 'Restricted funds for packaging',
     'The part of the fee attributed to the Packaging program is restricted to work on Python packaging tools and infrastructure.');

insert into benefit (year, code, program_code, name, description, internal_value_minor, price_minor, currency,
                     capacity, capacity_kind, add_on, standalone, package_only) values
    (2022, 'psf-sponsors-page-logo', 'foundation', 'Logo on python.org/psf/sponsors', 'Logo sized by package on the sponsors page.',
     500000, 0, 'USD', null, 'HARD', false, false, true),
    (2022, 'psf-blog-thanks', 'foundation', 'Thank-you post on the PSF blog', '',
     100000, 0, 'USD', null, 'HARD', false, false, true),
    (2022, 'pypi-footer-logo', 'pypi', 'Logo in the pypi.org footer', 'Rotating logo on every page of the index.',
     1500000, 0, 'USD', 12, 'HARD', false, false, true),
    (2022, 'pypi-sponsor-banner', 'pypi', 'One-week sponsor banner on pypi.org', '',
     800000, 1000000, 'USD', 1, 'HARD', true, true, false),
    (2022, 'core-sprint-seat', 'core-development', 'Seat at the core developer sprint', 'One engineer joins the yearly sprint.',
     1000000, 0, 'USD', 4, 'HARD', false, false, true),
    (2022, 'core-dev-in-residence', 'core-development', 'Developer-in-Residence acknowledgement', '',
     2000000, 0, 'USD', null, 'HARD', false, false, true),
    (2022, 'pycon-booth', 'pycon-us', 'Exhibit hall booth at PyCon US', '10x10 booth in the exhibit hall.',
     750000, 0, 'USD', 40, 'HARD', false, false, true),
    (2022, 'pycon-startup-row', 'pycon-us', 'Startup Row table at PyCon US', 'For young companies; not with a booth.',
     100000, 150000, 'USD', 10, 'HARD', false, true, false),
    (2022, 'pycon-passes', 'pycon-us', 'PyCon US conference passes', '',
     60000, 0, 'USD', null, 'HARD', false, false, true),
    (2022, 'pycon-job-listing', 'pycon-us', 'Job listing on the PyCon US jobs board', '',
     50000, 50000, 'USD', null, 'HARD', true, true, false),
    (2022, 'pycon-opening-slide', 'pycon-us', 'Logo on the PyCon US opening-keynote slide', '',
     300000, 500000, 'USD', 1, 'HARD', true, false, false),
    (2022, 'pycon-lanyards', 'pycon-us', 'Logo on PyCon US lanyards', '',
     1200000, 1500000, 'USD', 1, 'SOFT', true, false, false),
    (2022, 'packaging-docs-logo', 'packaging', 'Logo on packaging.python.org', '',
     1000000, 0, 'USD', 8, 'HARD', false, false, true),
    (2022, 'packaging-sponsor', 'packaging', 'Packaging program sponsorship', 'Funds packaging tools and infrastructure work.',
     2500000, 2500000, 'USD', null, 'HARD', true, true, false);

insert into benefit_conflict (year, benefit_code, conflicts_with) values
    (2022, 'pycon-booth', 'pycon-startup-row'),
    (2022, 'pycon-startup-row', 'pycon-booth');

insert into benefit_clause (year, benefit_code, clause_code) values
    (2022, 'psf-sponsors-page-logo', 'logo-use'),
    (2022, 'pypi-footer-logo', 'logo-use'),
    (2022, 'pypi-footer-logo', 'pypi-neutrality'),
    (2022, 'pypi-sponsor-banner', 'pypi-neutrality'),
    (2022, 'pycon-booth', 'pycon-terms'),
    (2022, 'pycon-startup-row', 'pycon-terms'),
    (2022, 'pycon-passes', 'pycon-terms'),
    (2022, 'pycon-opening-slide', 'logo-use'),
    (2022, 'pycon-lanyards', 'logo-use'),
    (2022, 'packaging-docs-logo', 'logo-use'),
    (2022, 'packaging-sponsor', 'packaging-restricted');

insert into sponsor_package (year, code, name, price_minor, currency, position) values
    (2022, 'visionary', 'Visionary', 15000000, 'USD', 1),
    (2022, 'sustainability', 'Sustainability', 9000000, 'USD', 2),
    (2022, 'maintaining', 'Maintaining', 6000000, 'USD', 3),
    (2022, 'contributing', 'Contributing', 3000000, 'USD', 4),
    (2022, 'supporting', 'Supporting', 1500000, 'USD', 5),
    (2022, 'partner', 'Partner', 1000000, 'USD', 6),
    (2022, 'participating', 'Participating', 375000, 'USD', 7),
    (2022, 'associate', 'Associate', 150000, 'USD', 8);

insert into package_benefit (year, package_code, benefit_code, quantity) values
    (2022, 'visionary', 'psf-sponsors-page-logo', 1), (2022, 'visionary', 'psf-blog-thanks', 1),
    (2022, 'visionary', 'pypi-footer-logo', 1), (2022, 'visionary', 'core-sprint-seat', 1),
    (2022, 'visionary', 'core-dev-in-residence', 1), (2022, 'visionary', 'pycon-booth', 1),
    (2022, 'visionary', 'pycon-passes', 10), (2022, 'visionary', 'packaging-docs-logo', 1),
    (2022, 'sustainability', 'psf-sponsors-page-logo', 1), (2022, 'sustainability', 'psf-blog-thanks', 1),
    (2022, 'sustainability', 'pypi-footer-logo', 1), (2022, 'sustainability', 'core-dev-in-residence', 1),
    (2022, 'sustainability', 'pycon-booth', 1), (2022, 'sustainability', 'pycon-passes', 8),
    (2022, 'sustainability', 'packaging-docs-logo', 1),
    (2022, 'maintaining', 'psf-sponsors-page-logo', 1), (2022, 'maintaining', 'psf-blog-thanks', 1),
    (2022, 'maintaining', 'pypi-footer-logo', 1), (2022, 'maintaining', 'pycon-booth', 1),
    (2022, 'maintaining', 'pycon-passes', 6),
    (2022, 'contributing', 'psf-sponsors-page-logo', 1), (2022, 'contributing', 'pycon-booth', 1),
    (2022, 'contributing', 'pycon-passes', 5),
    (2022, 'supporting', 'psf-sponsors-page-logo', 1), (2022, 'supporting', 'pycon-passes', 4),
    (2022, 'partner', 'psf-sponsors-page-logo', 1), (2022, 'partner', 'pycon-passes', 3),
    (2022, 'participating', 'psf-sponsors-page-logo', 1), (2022, 'participating', 'pycon-passes', 2),
    (2022, 'associate', 'psf-sponsors-page-logo', 1), (2022, 'associate', 'pycon-passes', 1);
