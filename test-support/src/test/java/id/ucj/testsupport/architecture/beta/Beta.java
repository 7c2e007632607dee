package id.ucj.testsupport.architecture.beta;

/** An application's class that no other application may use. */
public class Beta {

}
