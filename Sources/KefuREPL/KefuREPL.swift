/// The interactive front end; see docs/repl.md.
public enum KefuREPLModule {}
