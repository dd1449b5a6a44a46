package cn.singlewindow.realname.command.certification;

import java.time.LocalDate;

/** Identity checks per person (by document number) per day, across attempts and enterprises. */
public interface IdentityCheckQuota {

    /** Counts one check for the person today; false when the day's allowance is already used up. */
    boolean tryConsume(String documentNumber, LocalDate today);
}
