package org.endow.grants.proposals.infrastructure;

import io.micronaut.serde.annotation.SerdeImport;
import org.endow.grants.policy.model.FastTrackRule;
import org.endow.grants.policy.model.GrantCategory;
import org.endow.grants.proposals.model.Applicant;
import org.endow.grants.proposals.model.Application;
import org.endow.grants.proposals.model.Attachment;
import org.endow.grants.proposals.model.Comment;
import org.endow.grants.proposals.model.Milestone;
import org.endow.grants.proposals.model.Proposal;
import org.endow.grants.proposals.model.Step;
import org.endow.grants.proposals.model.Vote;
import org.endow.kernel.voting.VotingRule;

/**
 * The model's records stored as JSON documents (the policy and the proposal), without putting
 * serialization annotations into the model.
 */
@SerdeImport(GrantCategory.class)
@SerdeImport(FastTrackRule.class)
@SerdeImport(VotingRule.class)
@SerdeImport(Proposal.Data.class)
@SerdeImport(Applicant.class)
@SerdeImport(Application.class)
@SerdeImport(Application.BudgetLine.class)
@SerdeImport(Application.MilestonePlan.class)
@SerdeImport(Milestone.class)
@SerdeImport(Vote.class)
@SerdeImport(Comment.class)
@SerdeImport(Step.class)
@SerdeImport(Attachment.class)
final class GrantsSerde {

    private GrantsSerde() {}
}
