import com.sun.tools.attach.VirtualMachine;
/** Loads async-profiler into a running JVM: Attach PID AGENT_PATH OPTIONS. */
public class Attach {
  public static void main(String[] a) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(a[0]);
    vm.loadAgentPath(a[1], a[2]);
    vm.detach();
  }
}
