#!/usr/bin/env bash
# Runs a Kafka class with the jars in /opt/kafka/libs (a trimmed version of Kafka's own script).
exec "${JAVA_HOME:-/opt/java}/bin/java" ${KAFKA_HEAP_OPTS:--Xmx256m} ${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseSerialGC} \
  ${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=/opt/kafka/config/tools-log4j2.properties} ${KAFKA_OPTS:-} \
  -cp '/opt/kafka/libs/*' "$@"
