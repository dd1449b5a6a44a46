-- Card login finds the enterprise from the card's organisation code, which is the USCC's positions 9-17.
CREATE INDEX enterprise_uscc_org_code ON enterprise_uscc (substring(uscc from 9 for 9));
