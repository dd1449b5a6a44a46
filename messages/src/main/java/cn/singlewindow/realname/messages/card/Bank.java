package cn.singlewindow.realname.messages.card;

/** Banks whose corporate UKey certifies an enterprise (manual §2.5.6). */
public enum Bank {
    /** China Construction Bank, "跨境e+". */
    CCB,
    /** Agricultural Bank of China. */
    ABC,
    /** China Minsheng Bank. */
    CMBC
}
