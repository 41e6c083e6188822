/**
 * Protobuf field tables for the request bodies client-go's typed clients send (`kubectl create
 * namespace|deployment|secret…`, `kubectl drain` evictions, `kubectl auth can-i`): generated from
 * the FileDescriptorProtos that kubectl 1.32 embeds (k8s.io/api generated.proto). Each field is
 * `<number><flags><jsonName>:<type>`; flags: `*` repeated, `?` pointer (its zero value counts),
 * `%` map (`keyType,valueType`), `^` inlined into its parent in JSON. Status and managedFields of top-level kinds are left out: the
 * server resets them on create.
 */
export const PROTOBUF_MESSAGES: Readonly<Record<string, string>> = {
  'apps.v1.Deployment': '1metadata:meta.v1.ObjectMeta 2spec:apps.v1.DeploymentSpec',
  'apps.v1.DeploymentSpec':
    '1?replicas:int32 2?selector:meta.v1.LabelSelector 3template:core.v1.PodTemplateSpec 4strategy:apps.v1.DeploymentStrategy 5minReadySeconds:int32 6?revisionHistoryLimit:int32 7paused:bool 9?progressDeadlineSeconds:int32',
  'apps.v1.DeploymentStrategy': '1type:string 2?rollingUpdate:apps.v1.RollingUpdateDeployment',
  'apps.v1.RollingUpdateDeployment': '1?maxUnavailable:intstr.IntOrString 2?maxSurge:intstr.IntOrString',
  'authorization.v1.FieldSelectorAttributes':
    '1rawSelector:string 2*requirements:meta.v1.FieldSelectorRequirement',
  'authorization.v1.LabelSelectorAttributes':
    '1rawSelector:string 2*requirements:meta.v1.LabelSelectorRequirement',
  'authorization.v1.NonResourceAttributes': '1path:string 2verb:string',
  'authorization.v1.ResourceAttributes':
    '1namespace:string 2verb:string 3group:string 4version:string 5resource:string 6subresource:string 7name:string 8?fieldSelector:authorization.v1.FieldSelectorAttributes 9?labelSelector:authorization.v1.LabelSelectorAttributes',
  'authorization.v1.SelfSubjectAccessReview':
    '1metadata:meta.v1.ObjectMeta 2spec:authorization.v1.SelfSubjectAccessReviewSpec',
  'authorization.v1.SelfSubjectAccessReviewSpec':
    '1?resourceAttributes:authorization.v1.ResourceAttributes 2?nonResourceAttributes:authorization.v1.NonResourceAttributes',
  'authorization.v1.SelfSubjectRulesReview':
    '1metadata:meta.v1.ObjectMeta 2spec:authorization.v1.SelfSubjectRulesReviewSpec',
  'authorization.v1.SelfSubjectRulesReviewSpec': '1namespace:string',
  'autoscaling.v1.CrossVersionObjectReference': '1kind:string 2name:string 3apiVersion:string',
  'autoscaling.v1.HorizontalPodAutoscaler':
    '1metadata:meta.v1.ObjectMeta 2spec:autoscaling.v1.HorizontalPodAutoscalerSpec',
  'autoscaling.v1.HorizontalPodAutoscalerSpec':
    '1scaleTargetRef:autoscaling.v1.CrossVersionObjectReference 2?minReplicas:int32 3maxReplicas:int32 4?targetCPUUtilizationPercentage:int32',
  'autoscaling.v1.Scale': '1metadata:meta.v1.ObjectMeta 2spec:autoscaling.v1.ScaleSpec',
  'autoscaling.v1.ScaleSpec': '1replicas:int32',
  'autoscaling.v2.ContainerResourceMetricSource':
    '1name:string 2target:autoscaling.v2.MetricTarget 3container:string',
  'autoscaling.v2.CrossVersionObjectReference': '1kind:string 2name:string 3apiVersion:string',
  'autoscaling.v2.ExternalMetricSource':
    '1metric:autoscaling.v2.MetricIdentifier 2target:autoscaling.v2.MetricTarget',
  'autoscaling.v2.HPAScalingPolicy': '1type:string 2value:int32 3periodSeconds:int32',
  'autoscaling.v2.HPAScalingRules':
    '1?selectPolicy:string 2*policies:autoscaling.v2.HPAScalingPolicy 3?stabilizationWindowSeconds:int32',
  'autoscaling.v2.HorizontalPodAutoscaler':
    '1metadata:meta.v1.ObjectMeta 2spec:autoscaling.v2.HorizontalPodAutoscalerSpec',
  'autoscaling.v2.HorizontalPodAutoscalerBehavior':
    '1?scaleUp:autoscaling.v2.HPAScalingRules 2?scaleDown:autoscaling.v2.HPAScalingRules',
  'autoscaling.v2.HorizontalPodAutoscalerSpec':
    '1scaleTargetRef:autoscaling.v2.CrossVersionObjectReference 2?minReplicas:int32 3maxReplicas:int32 4*metrics:autoscaling.v2.MetricSpec 5?behavior:autoscaling.v2.HorizontalPodAutoscalerBehavior',
  'autoscaling.v2.MetricIdentifier': '1name:string 2?selector:meta.v1.LabelSelector',
  'autoscaling.v2.MetricSpec':
    '1type:string 2?object:autoscaling.v2.ObjectMetricSource 3?pods:autoscaling.v2.PodsMetricSource 4?resource:autoscaling.v2.ResourceMetricSource 5?external:autoscaling.v2.ExternalMetricSource 7?containerResource:autoscaling.v2.ContainerResourceMetricSource',
  'autoscaling.v2.MetricTarget':
    '1type:string 2?value:resource.Quantity 3?averageValue:resource.Quantity 4?averageUtilization:int32',
  'autoscaling.v2.ObjectMetricSource':
    '1describedObject:autoscaling.v2.CrossVersionObjectReference 2target:autoscaling.v2.MetricTarget 3metric:autoscaling.v2.MetricIdentifier',
  'autoscaling.v2.PodsMetricSource':
    '1metric:autoscaling.v2.MetricIdentifier 2target:autoscaling.v2.MetricTarget',
  'autoscaling.v2.ResourceMetricSource': '1name:string 2target:autoscaling.v2.MetricTarget',
  'batch.v1.CronJob': '1metadata:meta.v1.ObjectMeta 2spec:batch.v1.CronJobSpec',
  'batch.v1.CronJobSpec':
    '1schedule:string 2?startingDeadlineSeconds:int64 3concurrencyPolicy:string 4?suspend:bool 5jobTemplate:batch.v1.JobTemplateSpec 6?successfulJobsHistoryLimit:int32 7?failedJobsHistoryLimit:int32 8?timeZone:string',
  'batch.v1.Job': '1metadata:meta.v1.ObjectMeta 2spec:batch.v1.JobSpec',
  'batch.v1.JobSpec':
    '1?parallelism:int32 2?completions:int32 3?activeDeadlineSeconds:int64 4?selector:meta.v1.LabelSelector 5?manualSelector:bool 6template:core.v1.PodTemplateSpec 7?backoffLimit:int32 8?ttlSecondsAfterFinished:int32 9?completionMode:string 10?suspend:bool 11?podFailurePolicy:batch.v1.PodFailurePolicy 12?backoffLimitPerIndex:int32 13?maxFailedIndexes:int32 14?podReplacementPolicy:string 15?managedBy:string 16?successPolicy:batch.v1.SuccessPolicy',
  'batch.v1.JobTemplateSpec': '1metadata:meta.v1.ObjectMeta 2spec:batch.v1.JobSpec',
  'batch.v1.PodFailurePolicy': '1*rules:batch.v1.PodFailurePolicyRule',
  'batch.v1.PodFailurePolicyOnExitCodesRequirement': '1?containerName:string 2operator:string 3*values:int32',
  'batch.v1.PodFailurePolicyOnPodConditionsPattern': '1type:string 2status:string',
  'batch.v1.PodFailurePolicyRule':
    '1action:string 2?onExitCodes:batch.v1.PodFailurePolicyOnExitCodesRequirement 3*onPodConditions:batch.v1.PodFailurePolicyOnPodConditionsPattern',
  'batch.v1.SuccessPolicy': '1*rules:batch.v1.SuccessPolicyRule',
  'batch.v1.SuccessPolicyRule': '1?succeededIndexes:string 2?succeededCount:int32',
  'core.v1.AWSElasticBlockStoreVolumeSource':
    '1volumeID:string 2fsType:string 3partition:int32 4readOnly:bool',
  'core.v1.Affinity':
    '1?nodeAffinity:core.v1.NodeAffinity 2?podAffinity:core.v1.PodAffinity 3?podAntiAffinity:core.v1.PodAntiAffinity',
  'core.v1.AppArmorProfile': '1type:string 2?localhostProfile:string',
  'core.v1.AzureDiskVolumeSource':
    '1diskName:string 2diskURI:string 3?cachingMode:string 4?fsType:string 5?readOnly:bool 6?kind:string',
  'core.v1.AzureFileVolumeSource': '1secretName:string 2shareName:string 3readOnly:bool',
  'core.v1.Binding': '1metadata:meta.v1.ObjectMeta 2target:core.v1.ObjectReference',
  'core.v1.CSIVolumeSource':
    '1driver:string 2?readOnly:bool 3?fsType:string 4%volumeAttributes:string,string 5?nodePublishSecretRef:core.v1.LocalObjectReference',
  'core.v1.Capabilities': '1*add:string 2*drop:string',
  'core.v1.CephFSVolumeSource':
    '1*monitors:string 2path:string 3user:string 4secretFile:string 5?secretRef:core.v1.LocalObjectReference 6readOnly:bool',
  'core.v1.CinderVolumeSource':
    '1volumeID:string 2fsType:string 3readOnly:bool 4?secretRef:core.v1.LocalObjectReference',
  'core.v1.ClientIPConfig': '1?timeoutSeconds:int32',
  'core.v1.ClusterTrustBundleProjection':
    '1?name:string 2?signerName:string 3?labelSelector:meta.v1.LabelSelector 4path:string 5?optional:bool',
  'core.v1.ConfigMap':
    '1metadata:meta.v1.ObjectMeta 2%data:string,string 3%binaryData:string,bytes 4?immutable:bool',
  'core.v1.ConfigMapEnvSource': '1^localObjectReference:core.v1.LocalObjectReference 2?optional:bool',
  'core.v1.ConfigMapKeySelector':
    '1^localObjectReference:core.v1.LocalObjectReference 2key:string 3?optional:bool',
  'core.v1.ConfigMapProjection':
    '1^localObjectReference:core.v1.LocalObjectReference 2*items:core.v1.KeyToPath 4?optional:bool',
  'core.v1.ConfigMapVolumeSource':
    '1^localObjectReference:core.v1.LocalObjectReference 2*items:core.v1.KeyToPath 3?defaultMode:int32 4?optional:bool',
  'core.v1.Container':
    '1name:string 2image:string 3*command:string 4*args:string 5workingDir:string 6*ports:core.v1.ContainerPort 7*env:core.v1.EnvVar 8resources:core.v1.ResourceRequirements 9*volumeMounts:core.v1.VolumeMount 10?livenessProbe:core.v1.Probe 11?readinessProbe:core.v1.Probe 12?lifecycle:core.v1.Lifecycle 13terminationMessagePath:string 14imagePullPolicy:string 15?securityContext:core.v1.SecurityContext 16stdin:bool 17stdinOnce:bool 18tty:bool 19*envFrom:core.v1.EnvFromSource 20terminationMessagePolicy:string 21*volumeDevices:core.v1.VolumeDevice 22?startupProbe:core.v1.Probe 23*resizePolicy:core.v1.ContainerResizePolicy 24?restartPolicy:string',
  'core.v1.ContainerPort':
    '1name:string 2hostPort:int32 3containerPort:int32 4protocol:string 5hostIP:string',
  'core.v1.ContainerResizePolicy': '1resourceName:string 2restartPolicy:string',
  'core.v1.DownwardAPIProjection': '1*items:core.v1.DownwardAPIVolumeFile',
  'core.v1.DownwardAPIVolumeFile':
    '1path:string 2?fieldRef:core.v1.ObjectFieldSelector 3?resourceFieldRef:core.v1.ResourceFieldSelector 4?mode:int32',
  'core.v1.DownwardAPIVolumeSource': '1*items:core.v1.DownwardAPIVolumeFile 2?defaultMode:int32',
  'core.v1.EmptyDirVolumeSource': '1medium:string 2?sizeLimit:resource.Quantity',
  'core.v1.EnvFromSource':
    '1prefix:string 2?configMapRef:core.v1.ConfigMapEnvSource 3?secretRef:core.v1.SecretEnvSource',
  'core.v1.EnvVar': '1name:string 2value:string 3?valueFrom:core.v1.EnvVarSource',
  'core.v1.EnvVarSource':
    '1?fieldRef:core.v1.ObjectFieldSelector 2?resourceFieldRef:core.v1.ResourceFieldSelector 3?configMapKeyRef:core.v1.ConfigMapKeySelector 4?secretKeyRef:core.v1.SecretKeySelector',
  'core.v1.EphemeralContainer':
    '1^ephemeralContainerCommon:core.v1.EphemeralContainerCommon 2targetContainerName:string',
  'core.v1.EphemeralContainerCommon':
    '1name:string 2image:string 3*command:string 4*args:string 5workingDir:string 6*ports:core.v1.ContainerPort 7*env:core.v1.EnvVar 8resources:core.v1.ResourceRequirements 9*volumeMounts:core.v1.VolumeMount 10?livenessProbe:core.v1.Probe 11?readinessProbe:core.v1.Probe 12?lifecycle:core.v1.Lifecycle 13terminationMessagePath:string 14imagePullPolicy:string 15?securityContext:core.v1.SecurityContext 16stdin:bool 17stdinOnce:bool 18tty:bool 19*envFrom:core.v1.EnvFromSource 20terminationMessagePolicy:string 21*volumeDevices:core.v1.VolumeDevice 22?startupProbe:core.v1.Probe 23*resizePolicy:core.v1.ContainerResizePolicy 24?restartPolicy:string',
  'core.v1.EphemeralVolumeSource': '1?volumeClaimTemplate:core.v1.PersistentVolumeClaimTemplate',
  'core.v1.ExecAction': '1*command:string',
  'core.v1.FCVolumeSource': '1*targetWWNs:string 2?lun:int32 3fsType:string 4readOnly:bool 5*wwids:string',
  'core.v1.FlexVolumeSource':
    '1driver:string 2fsType:string 3?secretRef:core.v1.LocalObjectReference 4readOnly:bool 5%options:string,string',
  'core.v1.FlockerVolumeSource': '1datasetName:string 2datasetUUID:string',
  'core.v1.GCEPersistentDiskVolumeSource': '1pdName:string 2fsType:string 3partition:int32 4readOnly:bool',
  'core.v1.GRPCAction': '1port:int32 2?service:string',
  'core.v1.GitRepoVolumeSource': '1repository:string 2revision:string 3directory:string',
  'core.v1.GlusterfsVolumeSource': '1endpoints:string 2path:string 3readOnly:bool',
  'core.v1.HTTPGetAction':
    '1path:string 2port:intstr.IntOrString 3host:string 4scheme:string 5*httpHeaders:core.v1.HTTPHeader',
  'core.v1.HTTPHeader': '1name:string 2value:string',
  'core.v1.HostAlias': '1ip:string 2*hostnames:string',
  'core.v1.HostPathVolumeSource': '1path:string 2?type:string',
  'core.v1.ISCSIVolumeSource':
    '1targetPortal:string 2iqn:string 3lun:int32 4iscsiInterface:string 5fsType:string 6readOnly:bool 7*portals:string 8chapAuthDiscovery:bool 10?secretRef:core.v1.LocalObjectReference 11chapAuthSession:bool 12?initiatorName:string',
  'core.v1.ImageVolumeSource': '1reference:string 2pullPolicy:string',
  'core.v1.KeyToPath': '1key:string 2path:string 3?mode:int32',
  'core.v1.Lifecycle': '1?postStart:core.v1.LifecycleHandler 2?preStop:core.v1.LifecycleHandler',
  'core.v1.LifecycleHandler':
    '1?exec:core.v1.ExecAction 2?httpGet:core.v1.HTTPGetAction 3?tcpSocket:core.v1.TCPSocketAction 4?sleep:core.v1.SleepAction',
  'core.v1.LocalObjectReference': '1name:string',
  'core.v1.NFSVolumeSource': '1server:string 2path:string 3readOnly:bool',
  'core.v1.Namespace': '1metadata:meta.v1.ObjectMeta 2spec:core.v1.NamespaceSpec',
  'core.v1.NamespaceSpec': '1*finalizers:string',
  'core.v1.NodeAffinity':
    '1?requiredDuringSchedulingIgnoredDuringExecution:core.v1.NodeSelector 2*preferredDuringSchedulingIgnoredDuringExecution:core.v1.PreferredSchedulingTerm',
  'core.v1.NodeSelector': '1*nodeSelectorTerms:core.v1.NodeSelectorTerm',
  'core.v1.NodeSelectorRequirement': '1key:string 2operator:string 3*values:string',
  'core.v1.NodeSelectorTerm':
    '1*matchExpressions:core.v1.NodeSelectorRequirement 2*matchFields:core.v1.NodeSelectorRequirement',
  'core.v1.ObjectFieldSelector': '1apiVersion:string 2fieldPath:string',
  'core.v1.ObjectReference':
    '1kind:string 2namespace:string 3name:string 4uid:string 5apiVersion:string 6resourceVersion:string 7fieldPath:string',
  'core.v1.PersistentVolumeClaimSpec':
    '1*accessModes:string 2resources:core.v1.VolumeResourceRequirements 3volumeName:string 4?selector:meta.v1.LabelSelector 5?storageClassName:string 6?volumeMode:string 7?dataSource:core.v1.TypedLocalObjectReference 8?dataSourceRef:core.v1.TypedObjectReference 9?volumeAttributesClassName:string',
  'core.v1.PersistentVolumeClaimTemplate':
    '1metadata:meta.v1.ObjectMeta 2spec:core.v1.PersistentVolumeClaimSpec',
  'core.v1.PersistentVolumeClaimVolumeSource': '1claimName:string 2readOnly:bool',
  'core.v1.PhotonPersistentDiskVolumeSource': '1pdID:string 2fsType:string',
  'core.v1.Pod': '1metadata:meta.v1.ObjectMeta 2spec:core.v1.PodSpec',
  'core.v1.PodAffinity':
    '1*requiredDuringSchedulingIgnoredDuringExecution:core.v1.PodAffinityTerm 2*preferredDuringSchedulingIgnoredDuringExecution:core.v1.WeightedPodAffinityTerm',
  'core.v1.PodAffinityTerm':
    '1?labelSelector:meta.v1.LabelSelector 2*namespaces:string 3topologyKey:string 4?namespaceSelector:meta.v1.LabelSelector 5*matchLabelKeys:string 6*mismatchLabelKeys:string',
  'core.v1.PodAntiAffinity':
    '1*requiredDuringSchedulingIgnoredDuringExecution:core.v1.PodAffinityTerm 2*preferredDuringSchedulingIgnoredDuringExecution:core.v1.WeightedPodAffinityTerm',
  'core.v1.PodDNSConfig': '1*nameservers:string 2*searches:string 3*options:core.v1.PodDNSConfigOption',
  'core.v1.PodDNSConfigOption': '1name:string 2?value:string',
  'core.v1.PodOS': '1name:string',
  'core.v1.PodReadinessGate': '1conditionType:string',
  'core.v1.PodResourceClaim': '1name:string 3?resourceClaimName:string 4?resourceClaimTemplateName:string',
  'core.v1.PodSchedulingGate': '1name:string',
  'core.v1.PodSecurityContext':
    '1?seLinuxOptions:core.v1.SELinuxOptions 2?runAsUser:int64 3?runAsNonRoot:bool 4*supplementalGroups:int64 5?fsGroup:int64 6?runAsGroup:int64 7*sysctls:core.v1.Sysctl 8?windowsOptions:core.v1.WindowsSecurityContextOptions 9?fsGroupChangePolicy:string 10?seccompProfile:core.v1.SeccompProfile 11?appArmorProfile:core.v1.AppArmorProfile 12?supplementalGroupsPolicy:string 13?seLinuxChangePolicy:string',
  'core.v1.PodSpec':
    '1*volumes:core.v1.Volume 2*containers:core.v1.Container 3restartPolicy:string 4?terminationGracePeriodSeconds:int64 5?activeDeadlineSeconds:int64 6dnsPolicy:string 7%nodeSelector:string,string 8serviceAccountName:string 9serviceAccount:string 10nodeName:string 11hostNetwork:bool 12hostPID:bool 13hostIPC:bool 14?securityContext:core.v1.PodSecurityContext 15*imagePullSecrets:core.v1.LocalObjectReference 16hostname:string 17subdomain:string 18?affinity:core.v1.Affinity 19schedulerName:string 20*initContainers:core.v1.Container 21?automountServiceAccountToken:bool 22*tolerations:core.v1.Toleration 23*hostAliases:core.v1.HostAlias 24priorityClassName:string 25?priority:int32 26?dnsConfig:core.v1.PodDNSConfig 27?shareProcessNamespace:bool 28*readinessGates:core.v1.PodReadinessGate 29?runtimeClassName:string 30?enableServiceLinks:bool 31?preemptionPolicy:string 32%overhead:string,resource.Quantity 33*topologySpreadConstraints:core.v1.TopologySpreadConstraint 34*ephemeralContainers:core.v1.EphemeralContainer 35?setHostnameAsFQDN:bool 36?os:core.v1.PodOS 37?hostUsers:bool 38*schedulingGates:core.v1.PodSchedulingGate 39*resourceClaims:core.v1.PodResourceClaim 40?resources:core.v1.ResourceRequirements',
  'core.v1.PodTemplateSpec': '1metadata:meta.v1.ObjectMeta 2spec:core.v1.PodSpec',
  'core.v1.PortworxVolumeSource': '1volumeID:string 2fsType:string 3readOnly:bool',
  'core.v1.PreferredSchedulingTerm': '1weight:int32 2preference:core.v1.NodeSelectorTerm',
  'core.v1.Probe':
    '1^handler:core.v1.ProbeHandler 2initialDelaySeconds:int32 3timeoutSeconds:int32 4periodSeconds:int32 5successThreshold:int32 6failureThreshold:int32 7?terminationGracePeriodSeconds:int64',
  'core.v1.ProbeHandler':
    '1?exec:core.v1.ExecAction 2?httpGet:core.v1.HTTPGetAction 3?tcpSocket:core.v1.TCPSocketAction 4?grpc:core.v1.GRPCAction',
  'core.v1.ProjectedVolumeSource': '1*sources:core.v1.VolumeProjection 2?defaultMode:int32',
  'core.v1.QuobyteVolumeSource':
    '1registry:string 2volume:string 3readOnly:bool 4user:string 5group:string 6tenant:string',
  'core.v1.RBDVolumeSource':
    '1*monitors:string 2image:string 3fsType:string 4pool:string 5user:string 6keyring:string 7?secretRef:core.v1.LocalObjectReference 8readOnly:bool',
  'core.v1.ResourceClaim': '1name:string 2request:string',
  'core.v1.ResourceFieldSelector': '1containerName:string 2resource:string 3divisor:resource.Quantity',
  'core.v1.ResourceQuota': '1metadata:meta.v1.ObjectMeta 2spec:core.v1.ResourceQuotaSpec',
  'core.v1.ResourceQuotaSpec':
    '1%hard:string,resource.Quantity 2*scopes:string 3?scopeSelector:core.v1.ScopeSelector',
  'core.v1.ResourceRequirements':
    '1%limits:string,resource.Quantity 2%requests:string,resource.Quantity 3*claims:core.v1.ResourceClaim',
  'core.v1.SELinuxOptions': '1user:string 2role:string 3type:string 4level:string',
  'core.v1.ScaleIOVolumeSource':
    '1gateway:string 2system:string 3?secretRef:core.v1.LocalObjectReference 4sslEnabled:bool 5protectionDomain:string 6storagePool:string 7storageMode:string 8volumeName:string 9fsType:string 10readOnly:bool',
  'core.v1.ScopeSelector': '1*matchExpressions:core.v1.ScopedResourceSelectorRequirement',
  'core.v1.ScopedResourceSelectorRequirement': '1scopeName:string 2operator:string 3*values:string',
  'core.v1.SeccompProfile': '1type:string 2?localhostProfile:string',
  'core.v1.Secret':
    '1metadata:meta.v1.ObjectMeta 2%data:string,bytes 3type:string 4%stringData:string,string 5?immutable:bool',
  'core.v1.SecretEnvSource': '1^localObjectReference:core.v1.LocalObjectReference 2?optional:bool',
  'core.v1.SecretKeySelector':
    '1^localObjectReference:core.v1.LocalObjectReference 2key:string 3?optional:bool',
  'core.v1.SecretProjection':
    '1^localObjectReference:core.v1.LocalObjectReference 2*items:core.v1.KeyToPath 4?optional:bool',
  'core.v1.SecretVolumeSource':
    '1secretName:string 2*items:core.v1.KeyToPath 3?defaultMode:int32 4?optional:bool',
  'core.v1.SecurityContext':
    '1?capabilities:core.v1.Capabilities 2?privileged:bool 3?seLinuxOptions:core.v1.SELinuxOptions 4?runAsUser:int64 5?runAsNonRoot:bool 6?readOnlyRootFilesystem:bool 7?allowPrivilegeEscalation:bool 8?runAsGroup:int64 9?procMount:string 10?windowsOptions:core.v1.WindowsSecurityContextOptions 11?seccompProfile:core.v1.SeccompProfile 12?appArmorProfile:core.v1.AppArmorProfile',
  'core.v1.Service': '1metadata:meta.v1.ObjectMeta 2spec:core.v1.ServiceSpec',
  'core.v1.ServiceAccount':
    '1metadata:meta.v1.ObjectMeta 2*secrets:core.v1.ObjectReference 3*imagePullSecrets:core.v1.LocalObjectReference 4?automountServiceAccountToken:bool',
  'core.v1.ServiceAccountTokenProjection': '1audience:string 2?expirationSeconds:int64 3path:string',
  'core.v1.ServicePort':
    '1name:string 2protocol:string 3port:int32 4targetPort:intstr.IntOrString 5nodePort:int32 6?appProtocol:string',
  'core.v1.ServiceSpec':
    '1*ports:core.v1.ServicePort 2%selector:string,string 3clusterIP:string 4type:string 5*externalIPs:string 7sessionAffinity:string 8loadBalancerIP:string 9*loadBalancerSourceRanges:string 10externalName:string 11externalTrafficPolicy:string 12healthCheckNodePort:int32 13publishNotReadyAddresses:bool 14?sessionAffinityConfig:core.v1.SessionAffinityConfig 17?ipFamilyPolicy:string 18*clusterIPs:string 19*ipFamilies:string 20?allocateLoadBalancerNodePorts:bool 21?loadBalancerClass:string 22?internalTrafficPolicy:string 23?trafficDistribution:string',
  'core.v1.SessionAffinityConfig': '1?clientIP:core.v1.ClientIPConfig',
  'core.v1.SleepAction': '1seconds:int64',
  'core.v1.StorageOSVolumeSource':
    '1volumeName:string 2volumeNamespace:string 3fsType:string 4readOnly:bool 5?secretRef:core.v1.LocalObjectReference',
  'core.v1.Sysctl': '1name:string 2value:string',
  'core.v1.TCPSocketAction': '1port:intstr.IntOrString 2host:string',
  'core.v1.Toleration': '1key:string 2operator:string 3value:string 4effect:string 5?tolerationSeconds:int64',
  'core.v1.TopologySpreadConstraint':
    '1maxSkew:int32 2topologyKey:string 3whenUnsatisfiable:string 4?labelSelector:meta.v1.LabelSelector 5?minDomains:int32 6?nodeAffinityPolicy:string 7?nodeTaintsPolicy:string 8*matchLabelKeys:string',
  'core.v1.TypedLocalObjectReference': '1?apiGroup:string 2kind:string 3name:string',
  'core.v1.TypedObjectReference': '1?apiGroup:string 2kind:string 3name:string 4?namespace:string',
  'core.v1.Volume': '1name:string 2^volumeSource:core.v1.VolumeSource',
  'core.v1.VolumeDevice': '1name:string 2devicePath:string',
  'core.v1.VolumeMount':
    '1name:string 2readOnly:bool 3mountPath:string 4subPath:string 5?mountPropagation:string 6subPathExpr:string 7?recursiveReadOnly:string',
  'core.v1.VolumeProjection':
    '1?secret:core.v1.SecretProjection 2?downwardAPI:core.v1.DownwardAPIProjection 3?configMap:core.v1.ConfigMapProjection 4?serviceAccountToken:core.v1.ServiceAccountTokenProjection 5?clusterTrustBundle:core.v1.ClusterTrustBundleProjection',
  'core.v1.VolumeResourceRequirements':
    '1%limits:string,resource.Quantity 2%requests:string,resource.Quantity',
  'core.v1.VolumeSource':
    '1?hostPath:core.v1.HostPathVolumeSource 2?emptyDir:core.v1.EmptyDirVolumeSource 3?gcePersistentDisk:core.v1.GCEPersistentDiskVolumeSource 4?awsElasticBlockStore:core.v1.AWSElasticBlockStoreVolumeSource 5?gitRepo:core.v1.GitRepoVolumeSource 6?secret:core.v1.SecretVolumeSource 7?nfs:core.v1.NFSVolumeSource 8?iscsi:core.v1.ISCSIVolumeSource 9?glusterfs:core.v1.GlusterfsVolumeSource 10?persistentVolumeClaim:core.v1.PersistentVolumeClaimVolumeSource 11?rbd:core.v1.RBDVolumeSource 12?flexVolume:core.v1.FlexVolumeSource 13?cinder:core.v1.CinderVolumeSource 14?cephfs:core.v1.CephFSVolumeSource 15?flocker:core.v1.FlockerVolumeSource 16?downwardAPI:core.v1.DownwardAPIVolumeSource 17?fc:core.v1.FCVolumeSource 18?azureFile:core.v1.AzureFileVolumeSource 19?configMap:core.v1.ConfigMapVolumeSource 20?vsphereVolume:core.v1.VsphereVirtualDiskVolumeSource 21?quobyte:core.v1.QuobyteVolumeSource 22?azureDisk:core.v1.AzureDiskVolumeSource 23?photonPersistentDisk:core.v1.PhotonPersistentDiskVolumeSource 24?portworxVolume:core.v1.PortworxVolumeSource 25?scaleIO:core.v1.ScaleIOVolumeSource 26?projected:core.v1.ProjectedVolumeSource 27?storageos:core.v1.StorageOSVolumeSource 28?csi:core.v1.CSIVolumeSource 29?ephemeral:core.v1.EphemeralVolumeSource 30?image:core.v1.ImageVolumeSource',
  'core.v1.VsphereVirtualDiskVolumeSource':
    '1volumePath:string 2fsType:string 3storagePolicyName:string 4storagePolicyID:string',
  'core.v1.WeightedPodAffinityTerm': '1weight:int32 2podAffinityTerm:core.v1.PodAffinityTerm',
  'core.v1.WindowsSecurityContextOptions':
    '1?gmsaCredentialSpecName:string 2?gmsaCredentialSpec:string 3?runAsUserName:string 4?hostProcess:bool',
  'meta.v1.DeleteOptions':
    '1?gracePeriodSeconds:int64 2?preconditions:meta.v1.Preconditions 3?orphanDependents:bool 4?propagationPolicy:string 5*dryRun:string 6?ignoreStoreReadErrorWithClusterBreakingPotential:bool',
  'meta.v1.FieldSelectorRequirement': '1key:string 2operator:string 3*values:string',
  'meta.v1.LabelSelector': '1%matchLabels:string,string 2*matchExpressions:meta.v1.LabelSelectorRequirement',
  'meta.v1.LabelSelectorRequirement': '1key:string 2operator:string 3*values:string',
  'meta.v1.ObjectMeta':
    '1name:string 2generateName:string 3namespace:string 4selfLink:string 5uid:string 6resourceVersion:string 7generation:int64 8creationTimestamp:meta.v1.Time 9?deletionTimestamp:meta.v1.Time 10?deletionGracePeriodSeconds:int64 11%labels:string,string 12%annotations:string,string 13*ownerReferences:meta.v1.OwnerReference 14*finalizers:string',
  'meta.v1.OwnerReference':
    '1kind:string 3name:string 4uid:string 5apiVersion:string 6?controller:bool 7?blockOwnerDeletion:bool',
  'meta.v1.Preconditions': '1?uid:string 2?resourceVersion:string',
  'networking.v1.HTTPIngressPath': '1path:string 2backend:networking.v1.IngressBackend 3?pathType:string',
  'networking.v1.HTTPIngressRuleValue': '1*paths:networking.v1.HTTPIngressPath',
  'networking.v1.Ingress': '1metadata:meta.v1.ObjectMeta 2spec:networking.v1.IngressSpec',
  'networking.v1.IngressBackend':
    '3?resource:core.v1.TypedLocalObjectReference 4?service:networking.v1.IngressServiceBackend',
  'networking.v1.IngressRule': '1host:string 2^ingressRuleValue:networking.v1.IngressRuleValue',
  'networking.v1.IngressRuleValue': '1?http:networking.v1.HTTPIngressRuleValue',
  'networking.v1.IngressServiceBackend': '1name:string 2port:networking.v1.ServiceBackendPort',
  'networking.v1.IngressSpec':
    '1?defaultBackend:networking.v1.IngressBackend 2*tls:networking.v1.IngressTLS 3*rules:networking.v1.IngressRule 4?ingressClassName:string',
  'networking.v1.IngressTLS': '1*hosts:string 2secretName:string',
  'networking.v1.ServiceBackendPort': '1name:string 2number:int32',
  'policy.v1.Eviction': '1metadata:meta.v1.ObjectMeta 2?deleteOptions:meta.v1.DeleteOptions',
  'policy.v1.PodDisruptionBudget': '1metadata:meta.v1.ObjectMeta 2spec:policy.v1.PodDisruptionBudgetSpec',
  'policy.v1.PodDisruptionBudgetSpec':
    '1?minAvailable:intstr.IntOrString 2?selector:meta.v1.LabelSelector 3?maxUnavailable:intstr.IntOrString 4?unhealthyPodEvictionPolicy:string',
  'rbac.v1.AggregationRule': '1*clusterRoleSelectors:meta.v1.LabelSelector',
  'rbac.v1.ClusterRole':
    '1metadata:meta.v1.ObjectMeta 2*rules:rbac.v1.PolicyRule 3?aggregationRule:rbac.v1.AggregationRule',
  'rbac.v1.ClusterRoleBinding':
    '1metadata:meta.v1.ObjectMeta 2*subjects:rbac.v1.Subject 3roleRef:rbac.v1.RoleRef',
  'rbac.v1.PolicyRule':
    '1*verbs:string 2*apiGroups:string 3*resources:string 4*resourceNames:string 5*nonResourceURLs:string',
  'rbac.v1.Role': '1metadata:meta.v1.ObjectMeta 2*rules:rbac.v1.PolicyRule',
  'rbac.v1.RoleBinding': '1metadata:meta.v1.ObjectMeta 2*subjects:rbac.v1.Subject 3roleRef:rbac.v1.RoleRef',
  'rbac.v1.RoleRef': '1apiGroup:string 2kind:string 3name:string',
  'rbac.v1.Subject': '1kind:string 2apiGroup:string 3name:string 4namespace:string',
};
