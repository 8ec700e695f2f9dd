package org.endow.fellows.nominations.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.endow.kernel.voting.Choice;

/** The Fellow Work Group's members and their votes. */
public interface WorkGroup {

    record Member(String accountId, String name, String email, boolean veto) {}

    void save(Member member);

    List<Member> members();

    Optional<Member> member(String accountId);

    /** Records a member's vote on a nominee in a cycle; @return true when it replaced an earlier vote. */
    boolean vote(UUID nominee, String cycle, String memberId, Choice choice);

    Map<String, Choice> votes(UUID nominee, String cycle);

    /** Remembers that a member was reminded about a nominee in a cycle; @return false when already reminded. */
    boolean reminded(UUID nominee, String cycle, String memberId);
}
