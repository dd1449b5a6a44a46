package cn.singlewindow.realname.command.enterprise.registry;

/** What the sandbox's operations seed into its simulated national registry. */
public interface SimulatedRegistry {

    /** Registers the record, or replaces the one held under its USCC. */
    void register(RegisteredEnterprise record);
}
