#!/bin/sh
# Regenerates the REAL part of the signature corpus (real/jdkNN/*): runs the crash samples on every JDK listed
# below and keeps exactly what the JVM wrote (stderr of an uncaught exception; hs_err_pid*.log of a fatal error).
# Nothing is edited by hand. Run from the repository root after `mvn -q -DskipTests package`:
#   sh watchdog/src/test/resources/corpus/generate.sh
set -eu
corpus=watchdog/src/test/resources/corpus
jar=$(pwd)/samples/target/crashwatch-samples.jar
# shape[:argument] (the argument picks the variant; output file shape-argument.txt)
shapes="npe site:a site:b site:other-message type:a type:b two-sites-one-method:a two-sites-one-method:b caller:a caller:b
worker message-injection message-injection-cause multiline-message nested deep-chain suppressed-deep stackless-cause
reflection executor completable static-init proxy lambda recursion-from:a recursion-from:b mutual-recursion
other-recursion deep-throw:10 deep-throw:30 multiline-cause"
for jdk in 17:/usr/lib/jvm/java-17-openjdk-amd64 25:/usr/lib/jvm/temurin-25-jdk-amd64; do
  n=${jdk%%:*}; java=${jdk#*:}/bin/java
  [ -x "$java" ] || { echo "JDK $n not installed: skipped"; continue; }
  out=$corpus/real/jdk$n; mkdir -p "$out"
  for s in $shapes; do
    shape=${s%%:*}; arg=${s#*:}; file=$shape; [ "$arg" = "$s" ] && arg=a || file=$shape-$arg
    "$java" -cp "$jar" dev.crashwatch.samples.corpus.CorpusCrash "$shape" "$arg" >/dev/null 2>"$out/$file.txt" || true
  done
  # The same lambda crash with the JVM's hidden frames shown ($$Lambda/0x..., LambdaForm$MH/0x...).
  "$java" -XX:+UnlockDiagnosticVMOptions -XX:+ShowHiddenFrames -cp "$jar" dev.crashwatch.samples.corpus.CorpusCrash lambda \
    >/dev/null 2>"$out/lambda-hidden-frames.txt" || true
  # The reflective crash through a generated accessor (GeneratedMethodAccessorN) where the JDK still has them.
  "$java" -Dsun.reflect.noInflation=true -cp "$jar" dev.crashwatch.samples.corpus.CorpusCrash reflection \
    >/dev/null 2>"$out/reflection-generated-accessor.txt" || true
  for k in npe nested worker stackoverflow; do
    "$java" -cp "$jar" dev.crashwatch.samples.Crash "$k" >/dev/null 2>"$out/crash-$k.txt" || true
  done
  "$java" -Xmx32m -cp "$jar" dev.crashwatch.samples.Crash oom-heap >/dev/null 2>"$out/crash-oom-heap.txt" || true
  # Fatal errors: run in a scratch directory (hs_err lands in the cwd) with secrets in the places an hs_err log
  # records (system property, program argument, CLASSPATH variable), which must never reach a name.
  for k in native-segv oom-crash; do
    tmp=$(mktemp -d)
    (cd "$tmp" && CLASSPATH=/home/secret-env-user/lib "$java" -Xmx32m -XX:+CrashOnOutOfMemoryError \
      -Dcorpus.secret=secret-jvm-arg-7731 -cp "$jar" dev.crashwatch.samples.Crash "$k" secret-program-arg-5150 \
      >stdout.txt 2>/dev/null || true)
    cp "$tmp"/hs_err_pid*.log "$out/hserr-$k.log"
    cp "$tmp/stdout.txt" "$out/hserr-$k-stdout.txt"
    rm -rf "$tmp"
  done
done
