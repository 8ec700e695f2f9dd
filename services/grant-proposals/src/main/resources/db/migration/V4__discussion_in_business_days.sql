-- The discussion window is counted in business days since this version; the charter gives "at most
-- 10 business days" (the seed had approximated it with 14 calendar days). Proposals keep the policy
-- copy they were submitted under, so no decision already under way changes.
update grant_category
   set policy = jsonb_set(policy, '{discussionDays}', '10'::jsonb), updated_at = now()
 where (policy ->> 'discussionDays')::int = 14;
