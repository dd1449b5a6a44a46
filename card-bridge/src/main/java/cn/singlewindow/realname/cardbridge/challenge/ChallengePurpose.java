package cn.singlewindow.realname.cardbridge.challenge;

public enum ChallengePurpose {
    LOGIN,
    CERTIFICATION
}
