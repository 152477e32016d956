export namespace activity {
	
	export enum EntryKind {
	    ANSWER = "answer",
	    EASE = "ease",
	    IDEA = "idea",
	    NEEDS = "needs",
	    NOTE = "note",
	    OBSERVATION = "observation",
	    PITCH = "pitch",
	    PREFERENCE = "preference",
	    QUOTE = "quote",
	    RATING = "rating",
	    REACTION = "reaction",
	    RESULT = "result",
	    SECONDS = "seconds",
	    STANCE = "stance",
	    VOTE = "vote",
	}
	export enum Kind {
	    AssumptionCheck = "assumption_check",
	    IdeaRound = "idea_round",
	    JourneyBoard = "journey_board",
	    OpenQuestion = "open_question",
	    PrototypeTest = "prototype_test",
	    Rating = "rating",
	}
	export enum Reaction {
	    CONFUSION = "confusion",
	    EXCITEMENT = "excitement",
	    FRUSTRATION = "frustration",
	    OTHER = "other",
	}
	export enum Role {
	    ASSUMPTION = "assumption",
	    PROMPT = "prompt",
	    QUESTION = "question",
	    STAGE = "stage",
	    TASK = "task",
	    VARIANT = "variant",
	}
	export enum TaskOutcome {
	    FAIL = "fail",
	    PARTIAL = "partial",
	    SUCCESS = "success",
	}
	export class Item {
	    id: number;
	    activityId: number;
	    role: Role;
	    position: number;
	    assumptionId: number;
	    text: string;
	    secondsSpent: number;
	    entries: number;
	
	    static createFrom(source: any = {}) {
	        return new Item(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.activityId = source["activityId"];
	        this.role = source["role"];
	        this.position = source["position"];
	        this.assumptionId = source["assumptionId"];
	        this.text = source["text"];
	        this.secondsSpent = source["secondsSpent"];
	        this.entries = source["entries"];
	    }
	}
	export class Activity {
	    id: number;
	    sessionId: number;
	    position: number;
	    kind: Kind;
	    title: string;
	    prompt: string;
	    minutes: number;
	    secondsSpent: number;
	    scale: number;
	    dots: number;
	    removed: boolean;
	    revealed: boolean;
	    locked: boolean;
	    entries: number;
	    items: Item[];
	
	    static createFrom(source: any = {}) {
	        return new Activity(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sessionId = source["sessionId"];
	        this.position = source["position"];
	        this.kind = source["kind"];
	        this.title = source["title"];
	        this.prompt = source["prompt"];
	        this.minutes = source["minutes"];
	        this.secondsSpent = source["secondsSpent"];
	        this.scale = source["scale"];
	        this.dots = source["dots"];
	        this.removed = source["removed"];
	        this.revealed = source["revealed"];
	        this.locked = source["locked"];
	        this.entries = source["entries"];
	        this.items = this.convertValues(source["items"], Item);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ItemInput {
	    id: number;
	    role: Role;
	    assumptionId: number;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new ItemInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.role = source["role"];
	        this.assumptionId = source["assumptionId"];
	        this.text = source["text"];
	    }
	}
	export class ActivityInput {
	    id: number;
	    sessionId: number;
	    kind: Kind;
	    title: string;
	    prompt: string;
	    minutes: number;
	    scale: number;
	    dots: number;
	    items: ItemInput[];
	
	    static createFrom(source: any = {}) {
	        return new ActivityInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sessionId = source["sessionId"];
	        this.kind = source["kind"];
	        this.title = source["title"];
	        this.prompt = source["prompt"];
	        this.minutes = source["minutes"];
	        this.scale = source["scale"];
	        this.dots = source["dots"];
	        this.items = this.convertValues(source["items"], ItemInput);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AnswerCount {
	    itemId: number;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new AnswerCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.itemId = source["itemId"];
	        this.count = source["count"];
	    }
	}
	export class RatingStat {
	    itemId: number;
	    count: number;
	    mean: number;
	    counts: number[];
	
	    static createFrom(source: any = {}) {
	        return new RatingStat(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.itemId = source["itemId"];
	        this.count = source["count"];
	        this.mean = source["mean"];
	        this.counts = source["counts"];
	    }
	}
	export class Preference {
	    variantId: number;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new Preference(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.variantId = source["variantId"];
	        this.count = source["count"];
	    }
	}
	export class TaskResult {
	    variantId: number;
	    taskId: number;
	    success: number;
	    partial: number;
	    fail: number;
	    medianSeconds: number;
	    meanEase: number;
	
	    static createFrom(source: any = {}) {
	        return new TaskResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.variantId = source["variantId"];
	        this.taskId = source["taskId"];
	        this.success = source["success"];
	        this.partial = source["partial"];
	        this.fail = source["fail"];
	        this.medianSeconds = source["medianSeconds"];
	        this.meanEase = source["meanEase"];
	    }
	}
	export class Ranked {
	    entryId: number;
	    itemId: number;
	    text: string;
	    member: string;
	    severity: number;
	    dots: number;
	    pitch: number;
	
	    static createFrom(source: any = {}) {
	        return new Ranked(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.entryId = source["entryId"];
	        this.itemId = source["itemId"];
	        this.text = source["text"];
	        this.member = source["member"];
	        this.severity = source["severity"];
	        this.dots = source["dots"];
	        this.pitch = source["pitch"];
	    }
	}
	export class Results {
	    notes: Ranked[];
	    ideas: Ranked[];
	    tasks: TaskResult[];
	    prefers: Preference[];
	    ratings: RatingStat[];
	    answers: AnswerCount[];
	
	    static createFrom(source: any = {}) {
	        return new Results(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.notes = this.convertValues(source["notes"], Ranked);
	        this.ideas = this.convertValues(source["ideas"], Ranked);
	        this.tasks = this.convertValues(source["tasks"], TaskResult);
	        this.prefers = this.convertValues(source["prefers"], Preference);
	        this.ratings = this.convertValues(source["ratings"], RatingStat);
	        this.answers = this.convertValues(source["answers"], AnswerCount);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Reactions {
	    confusion: number;
	    excitement: number;
	    frustration: number;
	    other: number;
	
	    static createFrom(source: any = {}) {
	        return new Reactions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.confusion = source["confusion"];
	        this.excitement = source["excitement"];
	        this.frustration = source["frustration"];
	        this.other = source["other"];
	    }
	}
	export class Entry {
	    id: number;
	    sessionId: number;
	    activityId: number;
	    itemId: number;
	    variantId: number;
	    targetId: number;
	    memberId: number;
	    member: string;
	    kind: EntryKind;
	    text: string;
	    value: number;
	    hidden: boolean;
	    themes: string[];
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Entry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sessionId = source["sessionId"];
	        this.activityId = source["activityId"];
	        this.itemId = source["itemId"];
	        this.variantId = source["variantId"];
	        this.targetId = source["targetId"];
	        this.memberId = source["memberId"];
	        this.member = source["member"];
	        this.kind = source["kind"];
	        this.text = source["text"];
	        this.value = source["value"];
	        this.hidden = source["hidden"];
	        this.themes = source["themes"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class ActivityRun {
	    activity: Activity;
	    entries: Entry[];
	    reactions: Reactions;
	    results: Results;
	
	    static createFrom(source: any = {}) {
	        return new ActivityRun(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.activity = this.convertValues(source["activity"], Activity);
	        this.entries = this.convertValues(source["entries"], Entry);
	        this.reactions = this.convertValues(source["reactions"], Reactions);
	        this.results = this.convertValues(source["results"], Results);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Agenda {
	    sessionId: number;
	    format: string;
	    current: number;
	    activities: Activity[];
	    removed: Activity[];
	
	    static createFrom(source: any = {}) {
	        return new Agenda(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.format = source["format"];
	        this.current = source["current"];
	        this.activities = this.convertValues(source["activities"], Activity);
	        this.removed = this.convertValues(source["removed"], Activity);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AgendaRun {
	    agenda: Agenda;
	    runs: ActivityRun[];
	    quotes: Entry[];
	
	    static createFrom(source: any = {}) {
	        return new AgendaRun(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.agenda = this.convertValues(source["agenda"], Agenda);
	        this.runs = this.convertValues(source["runs"], ActivityRun);
	        this.quotes = this.convertValues(source["quotes"], Entry);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class EntryInput {
	    id: number;
	    sessionId: number;
	    activityId: number;
	    itemId: number;
	    variantId: number;
	    targetId: number;
	    memberId: number;
	    kind: EntryKind;
	    text: string;
	    value: number;
	
	    static createFrom(source: any = {}) {
	        return new EntryInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sessionId = source["sessionId"];
	        this.activityId = source["activityId"];
	        this.itemId = source["itemId"];
	        this.variantId = source["variantId"];
	        this.targetId = source["targetId"];
	        this.memberId = source["memberId"];
	        this.kind = source["kind"];
	        this.text = source["text"];
	        this.value = source["value"];
	    }
	}
	
	
	
	
	
	
	
	
	export class Template {
	    format: string;
	    label: string;
	    min: number;
	    max: number;
	    activities: ActivityInput[];
	
	    static createFrom(source: any = {}) {
	        return new Template(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.format = source["format"];
	        this.label = source["label"];
	        this.min = source["min"];
	        this.max = source["max"];
	        this.activities = this.convertValues(source["activities"], ActivityInput);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace backup {
	
	export class Location {
	    dbPath: string;
	    backupDir: string;
	    schemaVersion: number;
	    dailyKeep: number;
	    weeklyKeep: number;
	    manualKeep: number;
	    preMigrationKeep: number;
	    preRestoreKeep: number;
	
	    static createFrom(source: any = {}) {
	        return new Location(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dbPath = source["dbPath"];
	        this.backupDir = source["backupDir"];
	        this.schemaVersion = source["schemaVersion"];
	        this.dailyKeep = source["dailyKeep"];
	        this.weeklyKeep = source["weeklyKeep"];
	        this.manualKeep = source["manualKeep"];
	        this.preMigrationKeep = source["preMigrationKeep"];
	        this.preRestoreKeep = source["preRestoreKeep"];
	    }
	}

}

export namespace board {
	
	export enum ConsentKind {
	    CONTACT = "contact",
	    QUOTING = "quoting",
	    RECORDING = "recording",
	}
	export enum MemberStatus {
	    ACTIVE = "active",
	    ALUMNI = "alumni",
	    DECLINED = "declined",
	    INVITED = "invited",
	    OPTED_OUT = "opted_out",
	    PAUSED = "paused",
	    PROSPECT = "prospect",
	}
	export enum RewardStatus {
	    GIVEN = "given",
	    PROMISED = "promised",
	}
	export enum Tone {
	    BALANCED = "balanced",
	    NONE = "",
	    TOO_AGREEABLE = "too_agreeable",
	    TOO_NEGATIVE = "too_negative",
	}
	export enum TouchpointKind {
	    CALL = "call",
	    EMAIL = "email",
	    MEETING = "meeting",
	    MESSAGE = "message",
	    NOTE = "note",
	    SESSION = "session",
	}
	export enum UsageFrequency {
	    DAILY = "daily",
	    MONTHLY = "monthly",
	    NEVER = "never",
	    NONE = "",
	    RARELY = "rarely",
	    WEEKLY = "weekly",
	}
	export class MemberQuery {
	    search: string;
	    segmentId: number;
	    status: string;
	    tag: string;
	    consent: string;
	    archived: string;
	    sort: string;
	    desc: boolean;
	    limit: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new MemberQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.search = source["search"];
	        this.segmentId = source["segmentId"];
	        this.status = source["status"];
	        this.tag = source["tag"];
	        this.consent = source["consent"];
	        this.archived = source["archived"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	        this.limit = source["limit"];
	        this.offset = source["offset"];
	    }
	}
	export class BulkSelection {
	    ids: number[];
	    all: boolean;
	    filter: MemberQuery;
	    except: number[];
	
	    static createFrom(source: any = {}) {
	        return new BulkSelection(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ids = source["ids"];
	        this.all = source["all"];
	        this.filter = this.convertValues(source["filter"], MemberQuery);
	        this.except = source["except"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BulkEdit {
	    selection: BulkSelection;
	    segmentId: number;
	    status: string;
	    addTags: string[];
	    removeTags: string[];
	    grant: string[];
	    withdraw: string[];
	    archive: string;
	    source: string;
	
	    static createFrom(source: any = {}) {
	        return new BulkEdit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.selection = this.convertValues(source["selection"], BulkSelection);
	        this.segmentId = source["segmentId"];
	        this.status = source["status"];
	        this.addTags = source["addTags"];
	        this.removeTags = source["removeTags"];
	        this.grant = source["grant"];
	        this.withdraw = source["withdraw"];
	        this.archive = source["archive"];
	        this.source = source["source"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BulkResult {
	    editId: number;
	    selected: number;
	    changed: number;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new BulkResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.editId = source["editId"];
	        this.selected = source["selected"];
	        this.changed = source["changed"];
	        this.message = source["message"];
	    }
	}
	
	export class CompositionRow {
	    segmentId: number;
	    segment: string;
	    targetShare: number;
	    activeShare: number;
	    byStatus: Record<string, number>;
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new CompositionRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.segmentId = source["segmentId"];
	        this.segment = source["segment"];
	        this.targetShare = source["targetShare"];
	        this.activeShare = source["activeShare"];
	        this.byStatus = source["byStatus"];
	        this.total = source["total"];
	    }
	}
	export class Composition {
	    active: number;
	    total: number;
	    statuses: string[];
	    rows: CompositionRow[];
	    tones: Record<string, number>;
	    warnings: string[];
	    idealRange: number[];
	
	    static createFrom(source: any = {}) {
	        return new Composition(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.active = source["active"];
	        this.total = source["total"];
	        this.statuses = source["statuses"];
	        this.rows = this.convertValues(source["rows"], CompositionRow);
	        this.tones = source["tones"];
	        this.warnings = source["warnings"];
	        this.idealRange = source["idealRange"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Consent {
	    kind: ConsentKind;
	    grantedOn: string;
	    expiresOn: string;
	    revokedOn: string;
	    note: string;
	    source: string;
	    valid: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Consent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.grantedOn = source["grantedOn"];
	        this.expiresOn = source["expiresOn"];
	        this.revokedOn = source["revokedOn"];
	        this.note = source["note"];
	        this.source = source["source"];
	        this.valid = source["valid"];
	    }
	}
	export class ConsentInput {
	    kind: string;
	    grantedOn: string;
	    expiresOn: string;
	    note: string;
	    source: string;
	
	    static createFrom(source: any = {}) {
	        return new ConsentInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.grantedOn = source["grantedOn"];
	        this.expiresOn = source["expiresOn"];
	        this.note = source["note"];
	        this.source = source["source"];
	    }
	}
	export class DemoResult {
	    members: number;
	    segments: number;
	
	    static createFrom(source: any = {}) {
	        return new DemoResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.members = source["members"];
	        this.segments = source["segments"];
	    }
	}
	export class ExpiringConsent {
	    memberId: number;
	    member: string;
	    kind: string;
	    expiresOn: string;
	    daysLeft: number;
	
	    static createFrom(source: any = {}) {
	        return new ExpiringConsent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.memberId = source["memberId"];
	        this.member = source["member"];
	        this.kind = source["kind"];
	        this.expiresOn = source["expiresOn"];
	        this.daysLeft = source["daysLeft"];
	    }
	}
	export class ExportFile {
	    fileName: string;
	    mimeType: string;
	    content: string;
	
	    static createFrom(source: any = {}) {
	        return new ExportFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fileName = source["fileName"];
	        this.mimeType = source["mimeType"];
	        this.content = source["content"];
	    }
	}
	export class ImportChange {
	    field: string;
	    from: string;
	    to: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.from = source["from"];
	        this.to = source["to"];
	    }
	}
	export class ImportColumn {
	    header: string;
	    field: string;
	    sample: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportColumn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.header = source["header"];
	        this.field = source["field"];
	        this.sample = source["sample"];
	    }
	}
	export class ImportConsent {
	    kind: string;
	    given: boolean;
	    on: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportConsent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.given = source["given"];
	        this.on = source["on"];
	    }
	}
	export class ImportDecision {
	    line: number;
	    memberId: number;
	    same: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ImportDecision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.memberId = source["memberId"];
	        this.same = source["same"];
	    }
	}
	export class ImportMatch {
	    memberId: number;
	    name: string;
	    email: string;
	    company: string;
	    archived: boolean;
	    by: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportMatch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.memberId = source["memberId"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.company = source["company"];
	        this.archived = source["archived"];
	        this.by = source["by"];
	    }
	}
	export class MemberInput {
	    name: string;
	    email: string;
	    phone: string;
	    company: string;
	    role: string;
	    segment: string;
	    persona: string;
	    timezone: string;
	    status: string;
	    joinedOn: string;
	    source: string;
	    notes: string;
	    usageFrequency: string;
	    articulation: number;
	    tone: string;
	    cadenceDays: number;
	    tags: string[];
	
	    static createFrom(source: any = {}) {
	        return new MemberInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.company = source["company"];
	        this.role = source["role"];
	        this.segment = source["segment"];
	        this.persona = source["persona"];
	        this.timezone = source["timezone"];
	        this.status = source["status"];
	        this.joinedOn = source["joinedOn"];
	        this.source = source["source"];
	        this.notes = source["notes"];
	        this.usageFrequency = source["usageFrequency"];
	        this.articulation = source["articulation"];
	        this.tone = source["tone"];
	        this.cadenceDays = source["cadenceDays"];
	        this.tags = source["tags"];
	    }
	}
	export class ImportRow {
	    line: number;
	    member: MemberInput;
	    consents: ImportConsent[];
	    problems: string[];
	    status: string;
	    match: ImportMatch;
	    changes: ImportChange[];
	
	    static createFrom(source: any = {}) {
	        return new ImportRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.member = this.convertValues(source["member"], MemberInput);
	        this.consents = this.convertValues(source["consents"], ImportConsent);
	        this.problems = source["problems"];
	        this.status = source["status"];
	        this.match = this.convertValues(source["match"], ImportMatch);
	        this.changes = this.convertValues(source["changes"], ImportChange);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportPreview {
	    format: string;
	    encoding: string;
	    columns: ImportColumn[];
	    fields: string[];
	    unmapped: string[];
	    rows: ImportRow[];
	    new: number;
	    updated: number;
	    unchanged: number;
	    skipped: number;
	    review: number;
	    refused: number;
	    invalid: number;
	
	    static createFrom(source: any = {}) {
	        return new ImportPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.format = source["format"];
	        this.encoding = source["encoding"];
	        this.columns = this.convertValues(source["columns"], ImportColumn);
	        this.fields = source["fields"];
	        this.unmapped = source["unmapped"];
	        this.rows = this.convertValues(source["rows"], ImportRow);
	        this.new = source["new"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.skipped = source["skipped"];
	        this.review = source["review"];
	        this.refused = source["refused"];
	        this.invalid = source["invalid"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportRequest {
	    fileName: string;
	    content: number[];
	    mapping: Record<string, string>;
	    encoding: string;
	    existing: string;
	    skipInvalid: boolean;
	    nameMatches: string;
	    decisions: ImportDecision[];
	
	    static createFrom(source: any = {}) {
	        return new ImportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fileName = source["fileName"];
	        this.content = source["content"];
	        this.mapping = source["mapping"];
	        this.encoding = source["encoding"];
	        this.existing = source["existing"];
	        this.skipInvalid = source["skipInvalid"];
	        this.nameMatches = source["nameMatches"];
	        this.decisions = this.convertValues(source["decisions"], ImportDecision);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportResult {
	    created: number;
	    updated: number;
	    unchanged: number;
	    skipped: number;
	    leftOut: number;
	    consents: number;
	    segments: number;
	    tags: number;
	
	    static createFrom(source: any = {}) {
	        return new ImportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.created = source["created"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.skipped = source["skipped"];
	        this.leftOut = source["leftOut"];
	        this.consents = source["consents"];
	        this.segments = source["segments"];
	        this.tags = source["tags"];
	    }
	}
	
	export class Member {
	    id: number;
	    name: string;
	    email: string;
	    phone: string;
	    company: string;
	    role: string;
	    segmentId: number;
	    segment: string;
	    persona: string;
	    timezone: string;
	    status: MemberStatus;
	    joinedOn: string;
	    source: string;
	    notes: string;
	    usageFrequency: UsageFrequency;
	    articulation: number;
	    tone: Tone;
	    cadenceDays: number;
	    tags: string[];
	    lastContacted: string;
	    canContact: boolean;
	    archived: boolean;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Member(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.company = source["company"];
	        this.role = source["role"];
	        this.segmentId = source["segmentId"];
	        this.segment = source["segment"];
	        this.persona = source["persona"];
	        this.timezone = source["timezone"];
	        this.status = source["status"];
	        this.joinedOn = source["joinedOn"];
	        this.source = source["source"];
	        this.notes = source["notes"];
	        this.usageFrequency = source["usageFrequency"];
	        this.articulation = source["articulation"];
	        this.tone = source["tone"];
	        this.cadenceDays = source["cadenceDays"];
	        this.tags = source["tags"];
	        this.lastContacted = source["lastContacted"];
	        this.canContact = source["canContact"];
	        this.archived = source["archived"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class Reward {
	    id: number;
	    memberId: number;
	    sessionId: number;
	    entryId: number;
	    what: string;
	    valueCents: number;
	    currency: string;
	    status: RewardStatus;
	    givenOn: string;
	    note: string;
	    createdAt: string;
	    session: string;
	    idea: string;
	
	    static createFrom(source: any = {}) {
	        return new Reward(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.memberId = source["memberId"];
	        this.sessionId = source["sessionId"];
	        this.entryId = source["entryId"];
	        this.what = source["what"];
	        this.valueCents = source["valueCents"];
	        this.currency = source["currency"];
	        this.status = source["status"];
	        this.givenOn = source["givenOn"];
	        this.note = source["note"];
	        this.createdAt = source["createdAt"];
	        this.session = source["session"];
	        this.idea = source["idea"];
	    }
	}
	export class TimelineEntry {
	    date: string;
	    type: string;
	    title: string;
	    detail: string;
	    refId: number;
	
	    static createFrom(source: any = {}) {
	        return new TimelineEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.type = source["type"];
	        this.title = source["title"];
	        this.detail = source["detail"];
	        this.refId = source["refId"];
	    }
	}
	export class MemberDetail {
	    member: Member;
	    consents: Consent[];
	    timeline: TimelineEntry[];
	    rewards: Reward[];
	
	    static createFrom(source: any = {}) {
	        return new MemberDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.member = this.convertValues(source["member"], Member);
	        this.consents = this.convertValues(source["consents"], Consent);
	        this.timeline = this.convertValues(source["timeline"], TimelineEntry);
	        this.rewards = this.convertValues(source["rewards"], Reward);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class MemberPage {
	    members: Member[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new MemberPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.members = this.convertValues(source["members"], Member);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class RewardBudgetInput {
	    budgetCents: number;
	    currency: string;
	
	    static createFrom(source: any = {}) {
	        return new RewardBudgetInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.budgetCents = source["budgetCents"];
	        this.currency = source["currency"];
	    }
	}
	export class RewardIdea {
	    id: number;
	    memberId: number;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new RewardIdea(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.memberId = source["memberId"];
	        this.text = source["text"];
	    }
	}
	export class RewardInput {
	    what: string;
	    valueCents: number;
	    currency: string;
	    givenOn: string;
	    note: string;
	    sessionId: number;
	    entryId: number;
	    status: string;
	
	    static createFrom(source: any = {}) {
	        return new RewardInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.what = source["what"];
	        this.valueCents = source["valueCents"];
	        this.currency = source["currency"];
	        this.givenOn = source["givenOn"];
	        this.note = source["note"];
	        this.sessionId = source["sessionId"];
	        this.entryId = source["entryId"];
	        this.status = source["status"];
	    }
	}
	export class RewardPerson {
	    memberId: number;
	    name: string;
	    state: string;
	    promisedCents: number;
	    givenCents: number;
	    rewards: Reward[];
	
	    static createFrom(source: any = {}) {
	        return new RewardPerson(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.memberId = source["memberId"];
	        this.name = source["name"];
	        this.state = source["state"];
	        this.promisedCents = source["promisedCents"];
	        this.givenCents = source["givenCents"];
	        this.rewards = this.convertValues(source["rewards"], Reward);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Segment {
	    id: number;
	    name: string;
	    description: string;
	    targetShare: number;
	    members: number;
	    active: number;
	
	    static createFrom(source: any = {}) {
	        return new Segment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.targetShare = source["targetShare"];
	        this.members = source["members"];
	        this.active = source["active"];
	    }
	}
	export class SegmentInput {
	    id: number;
	    name: string;
	    description: string;
	    targetShare: number;
	
	    static createFrom(source: any = {}) {
	        return new SegmentInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.targetShare = source["targetShare"];
	    }
	}
	export class SessionRewards {
	    sessionId: number;
	    budgetCents: number;
	    currency: string;
	    promisedCents: number;
	    givenCents: number;
	    remainingCents: number;
	    warning: string;
	    people: RewardPerson[];
	    ideas: RewardIdea[];
	
	    static createFrom(source: any = {}) {
	        return new SessionRewards(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.budgetCents = source["budgetCents"];
	        this.currency = source["currency"];
	        this.promisedCents = source["promisedCents"];
	        this.givenCents = source["givenCents"];
	        this.remainingCents = source["remainingCents"];
	        this.warning = source["warning"];
	        this.people = this.convertValues(source["people"], RewardPerson);
	        this.ideas = this.convertValues(source["ideas"], RewardIdea);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TagCount {
	    name: string;
	    members: number;
	
	    static createFrom(source: any = {}) {
	        return new TagCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.members = source["members"];
	    }
	}
	
	export class Touchpoint {
	    id: number;
	    memberId: number;
	    kind: TouchpointKind;
	    happenedOn: string;
	    summary: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Touchpoint(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.memberId = source["memberId"];
	        this.kind = source["kind"];
	        this.happenedOn = source["happenedOn"];
	        this.summary = source["summary"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class TouchpointInput {
	    kind: string;
	    happenedOn: string;
	    summary: string;
	
	    static createFrom(source: any = {}) {
	        return new TouchpointInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.happenedOn = source["happenedOn"];
	        this.summary = source["summary"];
	    }
	}

}

export namespace demo {
	
	export class Result {
	    members: number;
	    segments: number;
	    decisions: number;
	    sessions: number;
	    reminders: number;
	    transcripts: number;
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.members = source["members"];
	        this.segments = source["segments"];
	        this.decisions = source["decisions"];
	        this.sessions = source["sessions"];
	        this.reminders = source["reminders"];
	        this.transcripts = source["transcripts"];
	    }
	}

}

export namespace history {
	
	export class Change {
	    field: string;
	    old: string;
	    new: string;
	    overwrittenBy: string;
	
	    static createFrom(source: any = {}) {
	        return new Change(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.old = source["old"];
	        this.new = source["new"];
	        this.overwrittenBy = source["overwrittenBy"];
	    }
	}
	export class Entry {
	    when: string;
	    person: string;
	    device: string;
	    me: boolean;
	    event: string;
	    changes: Change[];
	
	    static createFrom(source: any = {}) {
	        return new Entry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.when = source["when"];
	        this.person = source["person"];
	        this.device = source["device"];
	        this.me = source["me"];
	        this.event = source["event"];
	        this.changes = this.convertValues(source["changes"], Change);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace loop {
	
	export enum Channel {
	    CALL = "call",
	    EMAIL = "email",
	    MEETING = "meeting",
	    MESSAGE = "message",
	}
	export enum Kind {
	    AFTERTHOUGHTS = "afterthoughts",
	    CUSTOM = "custom",
	    SESSION_FEEDBACK = "session_feedback",
	    SHARE_BACK = "share_back",
	    STAY_IN_TOUCH = "stay_in_touch",
	    SYNTHESIS = "synthesis",
	    THANK_YOU = "thank_you",
	}
	export enum RepeatUnit {
	    DAY = "day",
	    MONTH = "month",
	    NONE = "",
	    WEEK = "week",
	}
	export enum View {
	    DONE = "done",
	    LATER = "later",
	    OVERDUE = "overdue",
	    TODAY = "today",
	    WEEK = "week",
	}
	export class Reminder {
	    id: number;
	    title: string;
	    body: string;
	    kind: Kind;
	    channel: Channel;
	    templateKey: string;
	    origin: string;
	    dueAt: string;
	    scheduledAt: string;
	    timeZone: string;
	    snoozed: boolean;
	    repeatUnit: RepeatUnit;
	    repeatEvery: number;
	    repeat: string;
	    owner: string;
	    mine: boolean;
	    memberId: number;
	    member: string;
	    memberEmail: string;
	    sessionId: number;
	    session: string;
	    assumptionId: number;
	    assumption: string;
	    decisionId: number;
	    decision: string;
	    outreach: boolean;
	    noConsent: boolean;
	    virtual: boolean;
	    seriesId: number;
	    doneAt: string;
	    outcome: string;
	    notified: boolean;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Reminder(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.body = source["body"];
	        this.kind = source["kind"];
	        this.channel = source["channel"];
	        this.templateKey = source["templateKey"];
	        this.origin = source["origin"];
	        this.dueAt = source["dueAt"];
	        this.scheduledAt = source["scheduledAt"];
	        this.timeZone = source["timeZone"];
	        this.snoozed = source["snoozed"];
	        this.repeatUnit = source["repeatUnit"];
	        this.repeatEvery = source["repeatEvery"];
	        this.repeat = source["repeat"];
	        this.owner = source["owner"];
	        this.mine = source["mine"];
	        this.memberId = source["memberId"];
	        this.member = source["member"];
	        this.memberEmail = source["memberEmail"];
	        this.sessionId = source["sessionId"];
	        this.session = source["session"];
	        this.assumptionId = source["assumptionId"];
	        this.assumption = source["assumption"];
	        this.decisionId = source["decisionId"];
	        this.decision = source["decision"];
	        this.outreach = source["outreach"];
	        this.noConsent = source["noConsent"];
	        this.virtual = source["virtual"];
	        this.seriesId = source["seriesId"];
	        this.doneAt = source["doneAt"];
	        this.outcome = source["outcome"];
	        this.notified = source["notified"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class AcceptResult {
	    created: Reminder[];
	    duplicates: number;
	
	    static createFrom(source: any = {}) {
	        return new AcceptResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.created = this.convertValues(source["created"], Reminder);
	        this.duplicates = source["duplicates"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ChainCount {
	    sessionId: number;
	    done: number;
	    open: number;
	    overdue: number;
	
	    static createFrom(source: any = {}) {
	        return new ChainCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.done = source["done"];
	        this.open = source["open"];
	        this.overdue = source["overdue"];
	    }
	}
	export class Skipped {
	    memberId: number;
	    member: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Skipped(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.memberId = source["memberId"];
	        this.member = source["member"];
	        this.reason = source["reason"];
	    }
	}
	export class ReminderInput {
	    title: string;
	    body: string;
	    kind: string;
	    channel: string;
	    templateKey: string;
	    dueAt: string;
	    timeZone: string;
	    repeatUnit: string;
	    repeatEvery: number;
	    memberId: number;
	    sessionId: number;
	    assumptionId: number;
	    decisionId: number;
	    owner: string;
	
	    static createFrom(source: any = {}) {
	        return new ReminderInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.body = source["body"];
	        this.kind = source["kind"];
	        this.channel = source["channel"];
	        this.templateKey = source["templateKey"];
	        this.dueAt = source["dueAt"];
	        this.timeZone = source["timeZone"];
	        this.repeatUnit = source["repeatUnit"];
	        this.repeatEvery = source["repeatEvery"];
	        this.memberId = source["memberId"];
	        this.sessionId = source["sessionId"];
	        this.assumptionId = source["assumptionId"];
	        this.decisionId = source["decisionId"];
	        this.owner = source["owner"];
	    }
	}
	export class Proposal {
	    reminder: ReminderInput;
	    member: string;
	    step: string;
	    draft: string;
	
	    static createFrom(source: any = {}) {
	        return new Proposal(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reminder = this.convertValues(source["reminder"], ReminderInput);
	        this.member = source["member"];
	        this.step = source["step"];
	        this.draft = source["draft"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ChainProposal {
	    sessionId: number;
	    session: string;
	    endedAt: string;
	    items: Proposal[];
	    existing: number;
	    skipped: Skipped[];
	
	    static createFrom(source: any = {}) {
	        return new ChainProposal(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.session = source["session"];
	        this.endedAt = source["endedAt"];
	        this.items = this.convertValues(source["items"], Proposal);
	        this.existing = source["existing"];
	        this.skipped = this.convertValues(source["skipped"], Skipped);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Pending {
	    sessionId: number;
	    session: string;
	    memberId: number;
	    member: string;
	    canContact: boolean;
	    planned: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Pending(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.session = source["session"];
	        this.memberId = source["memberId"];
	        this.member = source["member"];
	        this.canContact = source["canContact"];
	        this.planned = source["planned"];
	    }
	}
	export class Closure {
	    sessionId: number;
	    title: string;
	    attended: number;
	    heardBack: number;
	    eligible: number;
	    rate: number;
	    notYet: Pending[];
	    bySession: Closure[];
	    definition: string;
	
	    static createFrom(source: any = {}) {
	        return new Closure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.title = source["title"];
	        this.attended = source["attended"];
	        this.heardBack = source["heardBack"];
	        this.eligible = source["eligible"];
	        this.rate = source["rate"];
	        this.notYet = this.convertValues(source["notYet"], Pending);
	        this.bySession = this.convertValues(source["bySession"], Closure);
	        this.definition = source["definition"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CompleteInput {
	    outcome: string;
	    via: string;
	
	    static createFrom(source: any = {}) {
	        return new CompleteInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.outcome = source["outcome"];
	        this.via = source["via"];
	    }
	}
	export class CompleteResult {
	    done: Reminder;
	    next?: Reminder;
	    touchpointId: number;
	
	    static createFrom(source: any = {}) {
	        return new CompleteResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.done = this.convertValues(source["done"], Reminder);
	        this.next = this.convertValues(source["next"], Reminder);
	        this.touchpointId = source["touchpointId"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Contact {
	    touchpointId: number;
	    memberId: number;
	    kind: string;
	    happenedOn: string;
	    summary: string;
	
	    static createFrom(source: any = {}) {
	        return new Contact(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.touchpointId = source["touchpointId"];
	        this.memberId = source["memberId"];
	        this.kind = source["kind"];
	        this.happenedOn = source["happenedOn"];
	        this.summary = source["summary"];
	    }
	}
	export class ContactInput {
	    via: string;
	    outcome: string;
	
	    static createFrom(source: any = {}) {
	        return new ContactInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.via = source["via"];
	        this.outcome = source["outcome"];
	    }
	}
	export class Counts {
	    overdue: number;
	    today: number;
	    week: number;
	    later: number;
	    done: number;
	    badge: number;
	
	    static createFrom(source: any = {}) {
	        return new Counts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.overdue = source["overdue"];
	        this.today = source["today"];
	        this.week = source["week"];
	        this.later = source["later"];
	        this.done = source["done"];
	        this.badge = source["badge"];
	    }
	}
	export class DemoResult {
	    reminders: number;
	    sessions: number;
	
	    static createFrom(source: any = {}) {
	        return new DemoResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reminders = source["reminders"];
	        this.sessions = source["sessions"];
	    }
	}
	export class Draft {
	    to: string;
	    subject: string;
	    body: string;
	    mailto: string;
	
	    static createFrom(source: any = {}) {
	        return new Draft(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.to = source["to"];
	        this.subject = source["subject"];
	        this.body = source["body"];
	        this.mailto = source["mailto"];
	    }
	}
	export class DueSummary {
	    new: number;
	    due: number;
	    title: string;
	    body: string;
	
	    static createFrom(source: any = {}) {
	        return new DueSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.new = source["new"];
	        this.due = source["due"];
	        this.title = source["title"];
	        this.body = source["body"];
	    }
	}
	export class ExportFile {
	    fileName: string;
	    mimeType: string;
	    content: string;
	
	    static createFrom(source: any = {}) {
	        return new ExportFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fileName = source["fileName"];
	        this.mimeType = source["mimeType"];
	        this.content = source["content"];
	    }
	}
	export class Invitee {
	    memberId: number;
	    name: string;
	    greeting: string;
	    email: string;
	    state: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Invitee(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.memberId = source["memberId"];
	        this.name = source["name"];
	        this.greeting = source["greeting"];
	        this.email = source["email"];
	        this.state = source["state"];
	        this.reason = source["reason"];
	    }
	}
	export class Invitation {
	    sessionId: number;
	    subject: string;
	    body: string;
	    to: Invitee[];
	    left: Invitee[];
	
	    static createFrom(source: any = {}) {
	        return new Invitation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.subject = source["subject"];
	        this.body = source["body"];
	        this.to = this.convertValues(source["to"], Invitee);
	        this.left = this.convertValues(source["left"], Invitee);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Notification {
	    reminderId: number;
	    title: string;
	    body: string;
	    dueAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Notification(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reminderId = source["reminderId"];
	        this.title = source["title"];
	        this.body = source["body"];
	        this.dueAt = source["dueAt"];
	    }
	}
	
	
	
	export class ReminderFilter {
	    memberId: number;
	    sessionId: number;
	    assumptionId: number;
	    decisionId: number;
	    status: string;
	    dueOnly: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ReminderFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.memberId = source["memberId"];
	        this.sessionId = source["sessionId"];
	        this.assumptionId = source["assumptionId"];
	        this.decisionId = source["decisionId"];
	        this.status = source["status"];
	        this.dueOnly = source["dueOnly"];
	    }
	}
	
	export class Settings {
	    thankYouHours: number;
	    afterthoughtsDays: number;
	    feedbackDays: number;
	    synthesisDays: number;
	    shareBackDays: number;
	    dueHour: number;
	    teamName: string;
	    timeZone: string;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.thankYouHours = source["thankYouHours"];
	        this.afterthoughtsDays = source["afterthoughtsDays"];
	        this.feedbackDays = source["feedbackDays"];
	        this.synthesisDays = source["synthesisDays"];
	        this.shareBackDays = source["shareBackDays"];
	        this.dueHour = source["dueHour"];
	        this.teamName = source["teamName"];
	        this.timeZone = source["timeZone"];
	    }
	}
	export class ShareBackProposal {
	    kind: string;
	    id: number;
	    title: string;
	    whatChanged: string;
	    tell: session.Tell;
	    items: Proposal[];
	    skipped: Skipped[];
	
	    static createFrom(source: any = {}) {
	        return new ShareBackProposal(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.title = source["title"];
	        this.whatChanged = source["whatChanged"];
	        this.tell = this.convertValues(source["tell"], session.Tell);
	        this.items = this.convertValues(source["items"], Proposal);
	        this.skipped = this.convertValues(source["skipped"], Skipped);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class SnoozeInput {
	    preset: string;
	    until: string;
	
	    static createFrom(source: any = {}) {
	        return new SnoozeInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.preset = source["preset"];
	        this.until = source["until"];
	    }
	}
	export class Template {
	    key: string;
	    name: string;
	    subject: string;
	    body: string;
	    edited: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Template(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.name = source["name"];
	        this.subject = source["subject"];
	        this.body = source["body"];
	        this.edited = source["edited"];
	    }
	}
	export class TemplateInput {
	    subject: string;
	    body: string;
	
	    static createFrom(source: any = {}) {
	        return new TemplateInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.subject = source["subject"];
	        this.body = source["body"];
	    }
	}
	export class Tickler {
	    view: View;
	    counts: Counts;
	    items: Reminder[];
	    total: number;
	    today: string;
	    chains: ChainCount[];
	
	    static createFrom(source: any = {}) {
	        return new Tickler(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.view = source["view"];
	        this.counts = this.convertValues(source["counts"], Counts);
	        this.items = this.convertValues(source["items"], Reminder);
	        this.total = source["total"];
	        this.today = source["today"];
	        this.chains = this.convertValues(source["chains"], ChainCount);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TicklerQuery {
	    view: string;
	    limit: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new TicklerQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.view = source["view"];
	        this.limit = source["limit"];
	        this.offset = source["offset"];
	    }
	}

}

export namespace main {
	
	export class AboutInfo {
	    version: string;
	    dbPath: string;
	
	    static createFrom(source: any = {}) {
	        return new AboutInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.dbPath = source["dbPath"];
	    }
	}
	export class AppInfo {
	    version: string;
	    dbPath: string;
	    desktop: boolean;
	
	    static createFrom(source: any = {}) {
	        return new AppInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.dbPath = source["dbPath"];
	        this.desktop = source["desktop"];
	    }
	}
	export class RenderReport {
	    view: string;
	    members: number;
	    rows: number;
	
	    static createFrom(source: any = {}) {
	        return new RenderReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.view = source["view"];
	        this.members = source["members"];
	        this.rows = source["rows"];
	    }
	}

}

export namespace privacy {
	
	export class Erasure {
	    reference: string;
	    erasedAt: string;
	    members: number;
	    tags: number;
	    consents: number;
	    touchpoints: number;
	    rewards: number;
	    reminders: number;
	    participants: number;
	    responses: number;
	    quotes: number;
	    transcriptLines: number;
	
	    static createFrom(source: any = {}) {
	        return new Erasure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reference = source["reference"];
	        this.erasedAt = source["erasedAt"];
	        this.members = source["members"];
	        this.tags = source["tags"];
	        this.consents = source["consents"];
	        this.touchpoints = source["touchpoints"];
	        this.rewards = source["rewards"];
	        this.reminders = source["reminders"];
	        this.participants = source["participants"];
	        this.responses = source["responses"];
	        this.quotes = source["quotes"];
	        this.transcriptLines = source["transcriptLines"];
	    }
	}
	export class ExportFile {
	    fileName: string;
	    mimeType: string;
	    content: string;
	
	    static createFrom(source: any = {}) {
	        return new ExportFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fileName = source["fileName"];
	        this.mimeType = source["mimeType"];
	        this.content = source["content"];
	    }
	}

}

export namespace report {
	
	export class File {
	    fileName: string;
	    mimeType: string;
	    size: number;
	    pages: number;
	    contentBase64: string;
	
	    static createFrom(source: any = {}) {
	        return new File(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fileName = source["fileName"];
	        this.mimeType = source["mimeType"];
	        this.size = source["size"];
	        this.pages = source["pages"];
	        this.contentBase64 = source["contentBase64"];
	    }
	}
	export class Section {
	    title: string;
	    items: number;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Section(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.items = source["items"];
	        this.note = source["note"];
	    }
	}
	export class Preview {
	    kind: string;
	    id: number;
	    title: string;
	    subtitle: string;
	    teamName: string;
	    sections: Section[];
	    pages: number;
	    formats: string[];
	    warnings: string[];
	
	    static createFrom(source: any = {}) {
	        return new Preview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.title = source["title"];
	        this.subtitle = source["subtitle"];
	        this.teamName = source["teamName"];
	        this.sections = this.convertValues(source["sections"], Section);
	        this.pages = source["pages"];
	        this.formats = source["formats"];
	        this.warnings = source["warnings"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace room {
	
	export class Claim {
	    id: string;
	    name: string;
	    member: string;
	    memberId: number;
	    guest: boolean;
	    state: string;
	    online: boolean;
	    since: string;
	
	    static createFrom(source: any = {}) {
	        return new Claim(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.member = source["member"];
	        this.memberId = source["memberId"];
	        this.guest = source["guest"];
	        this.state = source["state"];
	        this.online = source["online"];
	        this.since = source["since"];
	    }
	}
	export class ConfirmInput {
	    sessionId: number;
	    claimId: string;
	    accept: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ConfirmInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.claimId = source["claimId"];
	        this.accept = source["accept"];
	    }
	}
	export class OpenInput {
	    sessionId: number;
	    addr: string;
	    certFile: string;
	    keyFile: string;
	    insist: boolean;
	
	    static createFrom(source: any = {}) {
	        return new OpenInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.addr = source["addr"];
	        this.certFile = source["certFile"];
	        this.keyFile = source["keyFile"];
	        this.insist = source["insist"];
	    }
	}
	export class Status {
	    sessionId: number;
	    open: boolean;
	    url: string;
	    qr: string;
	    warning: string;
	    claims: Claim[];
	    version: number;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.open = source["open"];
	        this.url = source["url"];
	        this.qr = source["qr"];
	        this.warning = source["warning"];
	        this.claims = this.convertValues(source["claims"], Claim);
	        this.version = source["version"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace session {
	
	export enum AttendeeRole {
	    OTHER = "other",
	    PRODUCT = "product",
	    SALES = "sales",
	    SUCCESS = "success",
	    SUPPORT = "support",
	}
	export enum Category {
	    DESIRABILITY = "desirability",
	    FEASIBILITY = "feasibility",
	    VIABILITY = "viability",
	}
	export enum OpportunityStatus {
	    DROPPED = "dropped",
	    EXPLORING = "exploring",
	    PROTOTYPING = "prototyping",
	    ROADMAP = "roadmap",
	}
	export enum Outcome {
	    DROP = "drop",
	    PERSEVERE = "persevere",
	    PIVOT = "pivot",
	    TEST_FURTHER = "test_further",
	}
	export enum ParticipantState {
	    ATTENDED = "attended",
	    CONFIRMED = "confirmed",
	    INVITED = "invited",
	    NO_SHOW = "no_show",
	}
	export enum Stance {
	    DOES_NOT_MATCH = "does_not_match",
	    MATCHES = "matches",
	    NONE = "",
	    PARTLY = "partly",
	    UNSURE = "unsure",
	}
	export enum Status {
	    FINISHED = "finished",
	    PLANNED = "planned",
	    RUNNING = "running",
	}
	export enum VerdictKind {
	    INVALIDATED = "invalidated",
	    NEEDS_RESEARCH = "needs_research",
	    VALIDATED = "validated",
	}
	export class Action {
	    id: number;
	    sessionId: number;
	    title: string;
	    owner: string;
	    dueOn: string;
	    doneOn: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Action(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sessionId = source["sessionId"];
	        this.title = source["title"];
	        this.owner = source["owner"];
	        this.dueOn = source["dueOn"];
	        this.doneOn = source["doneOn"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class ActionInput {
	    id: number;
	    sessionId: number;
	    title: string;
	    owner: string;
	    dueOn: string;
	    done: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ActionInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sessionId = source["sessionId"];
	        this.title = source["title"];
	        this.owner = source["owner"];
	        this.dueOn = source["dueOn"];
	        this.done = source["done"];
	    }
	}
	export class ActivityFacts {
	    id: number;
	    kind: activity.Kind;
	    title: string;
	    entries: number;
	    reactions: activity.Reactions;
	
	    static createFrom(source: any = {}) {
	        return new ActivityFacts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.title = source["title"];
	        this.entries = source["entries"];
	        this.reactions = this.convertValues(source["reactions"], activity.Reactions);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OpportunityRef {
	    id: number;
	    hmw: string;
	    sessionId: number;
	    sessionTitle: string;
	
	    static createFrom(source: any = {}) {
	        return new OpportunityRef(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.hmw = source["hmw"];
	        this.sessionId = source["sessionId"];
	        this.sessionTitle = source["sessionTitle"];
	    }
	}
	export class Assumption {
	    id: number;
	    decisionId: number;
	    customers: string;
	    behavior: string;
	    reason: string;
	    sentence: string;
	    category: Category;
	    importance: number;
	    evidence: number;
	    risk: number;
	    verdict: VerdictKind;
	    top: boolean;
	    fromOpportunity?: OpportunityRef;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Assumption(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.decisionId = source["decisionId"];
	        this.customers = source["customers"];
	        this.behavior = source["behavior"];
	        this.reason = source["reason"];
	        this.sentence = source["sentence"];
	        this.category = source["category"];
	        this.importance = source["importance"];
	        this.evidence = source["evidence"];
	        this.risk = source["risk"];
	        this.verdict = source["verdict"];
	        this.top = source["top"];
	        this.fromOpportunity = this.convertValues(source["fromOpportunity"], OpportunityRef);
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AssumptionInput {
	    id: number;
	    decisionId: number;
	    customers: string;
	    behavior: string;
	    reason: string;
	    category: string;
	    importance: number;
	    evidence: number;
	
	    static createFrom(source: any = {}) {
	        return new AssumptionInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.decisionId = source["decisionId"];
	        this.customers = source["customers"];
	        this.behavior = source["behavior"];
	        this.reason = source["reason"];
	        this.category = source["category"];
	        this.importance = source["importance"];
	        this.evidence = source["evidence"];
	    }
	}
	export class Attendance {
	    memberId: number;
	    attended: boolean;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Attendance(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.memberId = source["memberId"];
	        this.attended = source["attended"];
	        this.note = source["note"];
	    }
	}
	export class Attendee {
	    id: number;
	    sessionId: number;
	    name: string;
	    role: AttendeeRole;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Attendee(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sessionId = source["sessionId"];
	        this.name = source["name"];
	        this.role = source["role"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class AttendeeInput {
	    id: number;
	    sessionId: number;
	    name: string;
	    role: string;
	
	    static createFrom(source: any = {}) {
	        return new AttendeeInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sessionId = source["sessionId"];
	        this.name = source["name"];
	        this.role = source["role"];
	    }
	}
	export class Attendees {
	    sessionId: number;
	    attendees: Attendee[];
	    customers: number;
	    warning: string;
	
	    static createFrom(source: any = {}) {
	        return new Attendees(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.attendees = this.convertValues(source["attendees"], Attendee);
	        this.customers = source["customers"];
	        this.warning = source["warning"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Candidate {
	    memberId: number;
	    name: string;
	    company: string;
	    segment: string;
	    status: board.MemberStatus;
	    tone: board.Tone;
	    usage: board.UsageFrequency;
	    articulation: number;
	    canContact: boolean;
	    lastSession: string;
	    sessionsCount: number;
	    selected: boolean;
	    warning: string;
	
	    static createFrom(source: any = {}) {
	        return new Candidate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.memberId = source["memberId"];
	        this.name = source["name"];
	        this.company = source["company"];
	        this.segment = source["segment"];
	        this.status = source["status"];
	        this.tone = source["tone"];
	        this.usage = source["usage"];
	        this.articulation = source["articulation"];
	        this.canContact = source["canContact"];
	        this.lastSession = source["lastSession"];
	        this.sessionsCount = source["sessionsCount"];
	        this.selected = source["selected"];
	        this.warning = source["warning"];
	    }
	}
	export class Decision {
	    id: number;
	    title: string;
	    question: string;
	    owner: string;
	    deadline: string;
	    assumptions: number;
	    sessions: number;
	    lastOutcome: Outcome;
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Decision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.question = source["question"];
	        this.owner = source["owner"];
	        this.deadline = source["deadline"];
	        this.assumptions = source["assumptions"];
	        this.sessions = source["sessions"];
	        this.lastOutcome = source["lastOutcome"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class LogEntry {
	    id: number;
	    decisionId: number;
	    outcome: Outcome;
	    rationale: string;
	    decidedOn: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new LogEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.decisionId = source["decisionId"];
	        this.outcome = source["outcome"];
	        this.rationale = source["rationale"];
	        this.decidedOn = source["decidedOn"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class SessionItem {
	    id: number;
	    title: string;
	    decisionId: number;
	    decision: string;
	    format: string;
	    scheduledOn: string;
	    startTime: string;
	    status: Status;
	    participants: number;
	    assumptions: number;
	    rated: number;
	
	    static createFrom(source: any = {}) {
	        return new SessionItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.decisionId = source["decisionId"];
	        this.decision = source["decision"];
	        this.format = source["format"];
	        this.scheduledOn = source["scheduledOn"];
	        this.startTime = source["startTime"];
	        this.status = source["status"];
	        this.participants = source["participants"];
	        this.assumptions = source["assumptions"];
	        this.rated = source["rated"];
	    }
	}
	export class DecisionDetail {
	    decision: Decision;
	    assumptions: Assumption[];
	    sessions: SessionItem[];
	    log: LogEntry[];
	
	    static createFrom(source: any = {}) {
	        return new DecisionDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.decision = this.convertValues(source["decision"], Decision);
	        this.assumptions = this.convertValues(source["assumptions"], Assumption);
	        this.sessions = this.convertValues(source["sessions"], SessionItem);
	        this.log = this.convertValues(source["log"], LogEntry);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DecisionInput {
	    id: number;
	    title: string;
	    question: string;
	    owner: string;
	    deadline: string;
	
	    static createFrom(source: any = {}) {
	        return new DecisionInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.question = source["question"];
	        this.owner = source["owner"];
	        this.deadline = source["deadline"];
	    }
	}
	export class DemoResult {
	    decisions: number;
	    sessions: number;
	
	    static createFrom(source: any = {}) {
	        return new DemoResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.decisions = source["decisions"];
	        this.sessions = source["sessions"];
	    }
	}
	export class Evidence {
	    segment: string;
	    for: number;
	    against: number;
	    partly: number;
	    unsure: number;
	
	    static createFrom(source: any = {}) {
	        return new Evidence(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.segment = source["segment"];
	        this.for = source["for"];
	        this.against = source["against"];
	        this.partly = source["partly"];
	        this.unsure = source["unsure"];
	    }
	}
	export class FieldEdit {
	    sessionId: number;
	    assumptionId: number;
	    memberId: number;
	    field: string;
	    value: string;
	
	    static createFrom(source: any = {}) {
	        return new FieldEdit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.assumptionId = source["assumptionId"];
	        this.memberId = source["memberId"];
	        this.field = source["field"];
	        this.value = source["value"];
	    }
	}
	export class FinishInput {
	    sessionId: number;
	    attendance: Attendance[];
	
	    static createFrom(source: any = {}) {
	        return new FinishInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.attendance = this.convertValues(source["attendance"], Attendance);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class FormatInfo {
	    key: string;
	    label: string;
	    min: number;
	    max: number;
	
	    static createFrom(source: any = {}) {
	        return new FormatInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = source["label"];
	        this.min = source["min"];
	        this.max = source["max"];
	    }
	}
	export class Quote {
	    id: number;
	    sessionId: number;
	    assumptionId: number;
	    memberId: number;
	    member: string;
	    segment: string;
	    text: string;
	    themes: string[];
	    createdAt: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Quote(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sessionId = source["sessionId"];
	        this.assumptionId = source["assumptionId"];
	        this.memberId = source["memberId"];
	        this.member = source["member"];
	        this.segment = source["segment"];
	        this.text = source["text"];
	        this.themes = source["themes"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class Move {
	    importance: number;
	    evidence: number;
	    movedAt: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Move(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.importance = source["importance"];
	        this.evidence = source["evidence"];
	        this.movedAt = source["movedAt"];
	        this.note = source["note"];
	    }
	}
	export class Tally {
	    matches: number;
	    partly: number;
	    doesNotMatch: number;
	    unsure: number;
	    noAnswer: number;
	
	    static createFrom(source: any = {}) {
	        return new Tally(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.matches = source["matches"];
	        this.partly = source["partly"];
	        this.doesNotMatch = source["doesNotMatch"];
	        this.unsure = source["unsure"];
	        this.noAnswer = source["noAnswer"];
	    }
	}
	export class Verdict {
	    sessionId: number;
	    assumptionId: number;
	    verdict: VerdictKind;
	    rationale: string;
	    confidence: number;
	    decidedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Verdict(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.assumptionId = source["assumptionId"];
	        this.verdict = source["verdict"];
	        this.rationale = source["rationale"];
	        this.confidence = source["confidence"];
	        this.decidedAt = source["decidedAt"];
	    }
	}
	export class LedgerEntry {
	    assumption: Assumption;
	    decision: string;
	    verdicts: Verdict[];
	    sessions: string[];
	    tally: Tally;
	    evidence: Evidence[];
	    placed?: Move;
	    moves: Move[];
	    quotes: Quote[];
	    reactions: activity.Reactions;
	
	    static createFrom(source: any = {}) {
	        return new LedgerEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.assumption = this.convertValues(source["assumption"], Assumption);
	        this.decision = source["decision"];
	        this.verdicts = this.convertValues(source["verdicts"], Verdict);
	        this.sessions = source["sessions"];
	        this.tally = this.convertValues(source["tally"], Tally);
	        this.evidence = this.convertValues(source["evidence"], Evidence);
	        this.placed = this.convertValues(source["placed"], Move);
	        this.moves = this.convertValues(source["moves"], Move);
	        this.quotes = this.convertValues(source["quotes"], Quote);
	        this.reactions = this.convertValues(source["reactions"], activity.Reactions);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Ledger {
	    entries: LedgerEntry[];
	    counts: Record<string, number>;
	
	    static createFrom(source: any = {}) {
	        return new Ledger(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.entries = this.convertValues(source["entries"], LedgerEntry);
	        this.counts = source["counts"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class LedgerQuery {
	    decisionId: number;
	    verdict: string;
	    category: string;
	
	    static createFrom(source: any = {}) {
	        return new LedgerQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.decisionId = source["decisionId"];
	        this.verdict = source["verdict"];
	        this.category = source["category"];
	    }
	}
	
	export class LogInput {
	    outcome: string;
	    rationale: string;
	    decidedOn: string;
	
	    static createFrom(source: any = {}) {
	        return new LogInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.outcome = source["outcome"];
	        this.rationale = source["rationale"];
	        this.decidedOn = source["decidedOn"];
	    }
	}
	export class MemberSession {
	    sessionId: number;
	    title: string;
	    scheduledOn: string;
	    state: ParticipantState;
	    quotes: Quote[];
	
	    static createFrom(source: any = {}) {
	        return new MemberSession(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.title = source["title"];
	        this.scheduledOn = source["scheduledOn"];
	        this.state = source["state"];
	        this.quotes = this.convertValues(source["quotes"], Quote);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class NextTest {
	    assumptionId: number;
	    sentence: string;
	    decisionId: number;
	    format: string;
	    formatLabel: string;
	    card: string;
	    why: string;
	
	    static createFrom(source: any = {}) {
	        return new NextTest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.assumptionId = source["assumptionId"];
	        this.sentence = source["sentence"];
	        this.decisionId = source["decisionId"];
	        this.format = source["format"];
	        this.formatLabel = source["formatLabel"];
	        this.card = source["card"];
	        this.why = source["why"];
	    }
	}
	export class OpenerItem {
	    text: string;
	    done: boolean;
	
	    static createFrom(source: any = {}) {
	        return new OpenerItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.done = source["done"];
	    }
	}
	export class Opportunity {
	    id: number;
	    sessionId: number;
	    hmw: string;
	    effort: number;
	    impact: number;
	    picked: boolean;
	    status: OpportunityStatus;
	    assumptionId: number;
	    assumption: string;
	    sourceEntryId: number;
	    source: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Opportunity(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sessionId = source["sessionId"];
	        this.hmw = source["hmw"];
	        this.effort = source["effort"];
	        this.impact = source["impact"];
	        this.picked = source["picked"];
	        this.status = source["status"];
	        this.assumptionId = source["assumptionId"];
	        this.assumption = source["assumption"];
	        this.sourceEntryId = source["sourceEntryId"];
	        this.source = source["source"];
	        this.createdAt = source["createdAt"];
	    }
	}
	export class OpportunityInput {
	    id: number;
	    sessionId: number;
	    hmw: string;
	    effort: number;
	    impact: number;
	    picked: boolean;
	    sourceEntryId: number;
	
	    static createFrom(source: any = {}) {
	        return new OpportunityInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sessionId = source["sessionId"];
	        this.hmw = source["hmw"];
	        this.effort = source["effort"];
	        this.impact = source["impact"];
	        this.picked = source["picked"];
	        this.sourceEntryId = source["sourceEntryId"];
	    }
	}
	
	export class Participant {
	    memberId: number;
	    name: string;
	    company: string;
	    segment: string;
	    email: string;
	    state: ParticipantState;
	    note: string;
	    canContact: boolean;
	    canQuote: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Participant(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.memberId = source["memberId"];
	        this.name = source["name"];
	        this.company = source["company"];
	        this.segment = source["segment"];
	        this.email = source["email"];
	        this.state = source["state"];
	        this.note = source["note"];
	        this.canContact = source["canContact"];
	        this.canQuote = source["canQuote"];
	    }
	}
	export class SegmentCount {
	    segment: string;
	    selected: number;
	    board: number;
	
	    static createFrom(source: any = {}) {
	        return new SegmentCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.segment = source["segment"];
	        this.selected = source["selected"];
	        this.board = source["board"];
	    }
	}
	export class Picker {
	    candidates: Candidate[];
	    segments: SegmentCount[];
	    min: number;
	    max: number;
	    advice: string;
	
	    static createFrom(source: any = {}) {
	        return new Picker(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.candidates = this.convertValues(source["candidates"], Candidate);
	        this.segments = this.convertValues(source["segments"], SegmentCount);
	        this.min = source["min"];
	        this.max = source["max"];
	        this.advice = source["advice"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class QuoteInput {
	    id: number;
	    sessionId: number;
	    assumptionId: number;
	    memberId: number;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new QuoteInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sessionId = source["sessionId"];
	        this.assumptionId = source["assumptionId"];
	        this.memberId = source["memberId"];
	        this.text = source["text"];
	    }
	}
	export class RankedEntry {
	    ranked: activity.Ranked;
	    activityId: number;
	    activity: string;
	    item: string;
	    segment: string;
	
	    static createFrom(source: any = {}) {
	        return new RankedEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ranked = this.convertValues(source["ranked"], activity.Ranked);
	        this.activityId = source["activityId"];
	        this.activity = source["activity"];
	        this.item = source["item"];
	        this.segment = source["segment"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RatingFact {
	    stat: activity.RatingStat;
	    activityId: number;
	    activity: string;
	    question: string;
	    scale: number;
	
	    static createFrom(source: any = {}) {
	        return new RatingFact(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stat = this.convertValues(source["stat"], activity.RatingStat);
	        this.activityId = source["activityId"];
	        this.activity = source["activity"];
	        this.question = source["question"];
	        this.scale = source["scale"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Response {
	    id: number;
	    sessionId: number;
	    assumptionId: number;
	    memberId: number;
	    stance: Stance;
	    needs: string;
	    reactions: string[];
	    notes: string;
	    themes: string[];
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Response(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sessionId = source["sessionId"];
	        this.assumptionId = source["assumptionId"];
	        this.memberId = source["memberId"];
	        this.stance = source["stance"];
	        this.needs = source["needs"];
	        this.reactions = source["reactions"];
	        this.notes = source["notes"];
	        this.themes = source["themes"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class RunItem {
	    assumption: Assumption;
	    secondsSpent: number;
	    responses: Response[];
	    quotes: Quote[];
	    tally: Tally;
	    verdict?: Verdict;
	    nextTest?: NextTest;
	
	    static createFrom(source: any = {}) {
	        return new RunItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.assumption = this.convertValues(source["assumption"], Assumption);
	        this.secondsSpent = source["secondsSpent"];
	        this.responses = this.convertValues(source["responses"], Response);
	        this.quotes = this.convertValues(source["quotes"], Quote);
	        this.tally = this.convertValues(source["tally"], Tally);
	        this.verdict = this.convertValues(source["verdict"], Verdict);
	        this.nextTest = this.convertValues(source["nextTest"], NextTest);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Session {
	    id: number;
	    decisionId: number;
	    decision: string;
	    title: string;
	    customerTitle: string;
	    format: string;
	    scheduledOn: string;
	    startTime: string;
	    durationMinutes: number;
	    place: string;
	    facilitator: string;
	    noteTaker: string;
	    agenda: string;
	    prompts: string[];
	    opener: OpenerItem[];
	    status: Status;
	    currentPosition: number;
	    startedAt: string;
	    finishedAt: string;
	    updatedAt: string;
	    assumptions: Assumption[];
	    participants: Participant[];
	    sizeAdvice: string;
	
	    static createFrom(source: any = {}) {
	        return new Session(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.decisionId = source["decisionId"];
	        this.decision = source["decision"];
	        this.title = source["title"];
	        this.customerTitle = source["customerTitle"];
	        this.format = source["format"];
	        this.scheduledOn = source["scheduledOn"];
	        this.startTime = source["startTime"];
	        this.durationMinutes = source["durationMinutes"];
	        this.place = source["place"];
	        this.facilitator = source["facilitator"];
	        this.noteTaker = source["noteTaker"];
	        this.agenda = source["agenda"];
	        this.prompts = source["prompts"];
	        this.opener = this.convertValues(source["opener"], OpenerItem);
	        this.status = source["status"];
	        this.currentPosition = source["currentPosition"];
	        this.startedAt = source["startedAt"];
	        this.finishedAt = source["finishedAt"];
	        this.updatedAt = source["updatedAt"];
	        this.assumptions = this.convertValues(source["assumptions"], Assumption);
	        this.participants = this.convertValues(source["participants"], Participant);
	        this.sizeAdvice = source["sizeAdvice"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Run {
	    session: Session;
	    items: RunItem[];
	    general: Quote[];
	    prompts: string[];
	
	    static createFrom(source: any = {}) {
	        return new Run(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.session = this.convertValues(source["session"], Session);
	        this.items = this.convertValues(source["items"], RunItem);
	        this.general = this.convertValues(source["general"], Quote);
	        this.prompts = source["prompts"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class SessionInput {
	    id: number;
	    decisionId: number;
	    title: string;
	    customerTitle: string;
	    format: string;
	    scheduledOn: string;
	    startTime: string;
	    durationMinutes: number;
	    place: string;
	    facilitator: string;
	    noteTaker: string;
	    agenda: string;
	    prompts: string[];
	    opener: OpenerItem[];
	    assumptionIds: number[];
	
	    static createFrom(source: any = {}) {
	        return new SessionInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.decisionId = source["decisionId"];
	        this.title = source["title"];
	        this.customerTitle = source["customerTitle"];
	        this.format = source["format"];
	        this.scheduledOn = source["scheduledOn"];
	        this.startTime = source["startTime"];
	        this.durationMinutes = source["durationMinutes"];
	        this.place = source["place"];
	        this.facilitator = source["facilitator"];
	        this.noteTaker = source["noteTaker"];
	        this.agenda = source["agenda"];
	        this.prompts = source["prompts"];
	        this.opener = this.convertValues(source["opener"], OpenerItem);
	        this.assumptionIds = source["assumptionIds"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class SynthEntry {
	    id: number;
	    activityId: number;
	    activity: string;
	    activityKind: activity.Kind;
	    itemId: number;
	    item: string;
	    kind: activity.EntryKind;
	    memberId: number;
	    member: string;
	    segment: string;
	    text: string;
	    themes: string[];
	
	    static createFrom(source: any = {}) {
	        return new SynthEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.activityId = source["activityId"];
	        this.activity = source["activity"];
	        this.activityKind = source["activityKind"];
	        this.itemId = source["itemId"];
	        this.item = source["item"];
	        this.kind = source["kind"];
	        this.memberId = source["memberId"];
	        this.member = source["member"];
	        this.segment = source["segment"];
	        this.text = source["text"];
	        this.themes = source["themes"];
	    }
	}
	export class TaskFact {
	    result: activity.TaskResult;
	    activityId: number;
	    activity: string;
	    variant: string;
	    task: string;
	
	    static createFrom(source: any = {}) {
	        return new TaskFact(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.result = this.convertValues(source["result"], activity.TaskResult);
	        this.activityId = source["activityId"];
	        this.activity = source["activity"];
	        this.variant = source["variant"];
	        this.task = source["task"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Theme {
	    name: string;
	    quotes: Quote[];
	    notes: Response[];
	    entries: SynthEntry[];
	    bySegment: Record<string, number>;
	
	    static createFrom(source: any = {}) {
	        return new Theme(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.quotes = this.convertValues(source["quotes"], Quote);
	        this.notes = this.convertValues(source["notes"], Response);
	        this.entries = this.convertValues(source["entries"], SynthEntry);
	        this.bySegment = source["bySegment"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Synthesis {
	    sessionId: number;
	    decisionId: number;
	    themes: Theme[];
	    untagged: SynthEntry[];
	    activities: ActivityFacts[];
	    painPoints: RankedEntry[];
	    ideas: RankedEntry[];
	    tasks: TaskFact[];
	    ratings: RatingFact[];
	    nextTests: NextTest[];
	    opportunities: Opportunity[];
	    actions: Action[];
	    advice: string;
	
	    static createFrom(source: any = {}) {
	        return new Synthesis(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.decisionId = source["decisionId"];
	        this.themes = this.convertValues(source["themes"], Theme);
	        this.untagged = this.convertValues(source["untagged"], SynthEntry);
	        this.activities = this.convertValues(source["activities"], ActivityFacts);
	        this.painPoints = this.convertValues(source["painPoints"], RankedEntry);
	        this.ideas = this.convertValues(source["ideas"], RankedEntry);
	        this.tasks = this.convertValues(source["tasks"], TaskFact);
	        this.ratings = this.convertValues(source["ratings"], RatingFact);
	        this.nextTests = this.convertValues(source["nextTests"], NextTest);
	        this.opportunities = this.convertValues(source["opportunities"], Opportunity);
	        this.actions = this.convertValues(source["actions"], Action);
	        this.advice = source["advice"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Tell {
	    kind: string;
	    sessionId: number;
	    assumptionId: number;
	    entryId: number;
	    line: string;
	    suggested: string;
	    written: boolean;
	    ourOwn: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Tell(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.sessionId = source["sessionId"];
	        this.assumptionId = source["assumptionId"];
	        this.entryId = source["entryId"];
	        this.line = source["line"];
	        this.suggested = source["suggested"];
	        this.written = source["written"];
	        this.ourOwn = source["ourOwn"];
	    }
	}
	export class TellInput {
	    kind: string;
	    sessionId: number;
	    assumptionId: number;
	    entryId: number;
	    line: string;
	    suggest: boolean;
	
	    static createFrom(source: any = {}) {
	        return new TellInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.sessionId = source["sessionId"];
	        this.assumptionId = source["assumptionId"];
	        this.entryId = source["entryId"];
	        this.line = source["line"];
	        this.suggest = source["suggest"];
	    }
	}
	
	
	export class VerdictInput {
	    sessionId: number;
	    assumptionId: number;
	    verdict: string;
	    rationale: string;
	    confidence: number;
	
	    static createFrom(source: any = {}) {
	        return new VerdictInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.assumptionId = source["assumptionId"];
	        this.verdict = source["verdict"];
	        this.rationale = source["rationale"];
	        this.confidence = source["confidence"];
	    }
	}

}

export namespace store {
	
	export class BackupFile {
	    name: string;
	    path: string;
	    kind: string;
	    createdAt: string;
	    size: number;
	    schemaVersion: number;
	
	    static createFrom(source: any = {}) {
	        return new BackupFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.path = source["path"];
	        this.kind = source["kind"];
	        this.createdAt = source["createdAt"];
	        this.size = source["size"];
	        this.schemaVersion = source["schemaVersion"];
	    }
	}
	export class RestoreResult {
	    from: string;
	    fromVersion: number;
	    schemaVersion: number;
	    migrated: boolean;
	    safetyBackup: BackupFile;
	
	    static createFrom(source: any = {}) {
	        return new RestoreResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.fromVersion = source["fromVersion"];
	        this.schemaVersion = source["schemaVersion"];
	        this.migrated = source["migrated"];
	        this.safetyBackup = this.convertValues(source["safetyBackup"], BackupFile);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace team {
	
	export class CreateInput {
	    folder: string;
	    person: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new CreateInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.folder = source["folder"];
	        this.person = source["person"];
	        this.label = source["label"];
	    }
	}
	export class Invite {
	    code: string;
	    expiresAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Invite(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.expiresAt = source["expiresAt"];
	    }
	}
	export class InviteInput {
	    hours: number;
	
	    static createFrom(source: any = {}) {
	        return new InviteInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.hours = source["hours"];
	    }
	}
	export class JoinInput {
	    folder: string;
	    code: string;
	    person: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new JoinInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.folder = source["folder"];
	        this.code = source["code"];
	        this.person = source["person"];
	        this.label = source["label"];
	    }
	}
	export class RemoveInput {
	    device: string;
	
	    static createFrom(source: any = {}) {
	        return new RemoveInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.device = source["device"];
	    }
	}
	export class Report {
	    written: number;
	    files: number;
	    applied: number;
	    held: number;
	    joined: string[];
	    problems: string[];
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.written = source["written"];
	        this.files = source["files"];
	        this.applied = source["applied"];
	        this.held = source["held"];
	        this.joined = source["joined"];
	        this.problems = source["problems"];
	    }
	}
	export class Teammate {
	    device: string;
	    person: string;
	    label: string;
	    me: boolean;
	    files: number;
	    lastFile: string;
	    removed: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Teammate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.device = source["device"];
	        this.person = source["person"];
	        this.label = source["label"];
	        this.me = source["me"];
	        this.files = source["files"];
	        this.lastFile = source["lastFile"];
	        this.removed = source["removed"];
	    }
	}
	export class Status {
	    inTeam: boolean;
	    folder: string;
	    device: string;
	    lastSync: string;
	    pending: number;
	    held: number;
	    waiting: number;
	    teammates: Teammate[];
	    problems: string[];
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.inTeam = source["inTeam"];
	        this.folder = source["folder"];
	        this.device = source["device"];
	        this.lastSync = source["lastSync"];
	        this.pending = source["pending"];
	        this.held = source["held"];
	        this.waiting = source["waiting"];
	        this.teammates = this.convertValues(source["teammates"], Teammate);
	        this.problems = source["problems"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace teammates {
	
	export class Roster {
	    shared: boolean;
	    me: string;
	    people: string[];
	
	    static createFrom(source: any = {}) {
	        return new Roster(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.shared = source["shared"];
	        this.me = source["me"];
	        this.people = source["people"];
	    }
	}

}

export namespace transcript {
	
	export enum Format {
	    SRT = "srt",
	    VTT = "vtt",
	}
	export class ImportInput {
	    sessionId: number;
	    fileName: string;
	    content: number[];
	
	    static createFrom(source: any = {}) {
	        return new ImportInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.fileName = source["fileName"];
	        this.content = source["content"];
	    }
	}
	export class Line {
	    id: number;
	    position: number;
	    speakerId: number;
	    startMs: number;
	    endMs: number;
	    text: string;
	    entryId: number;
	    quotedIn: string;
	
	    static createFrom(source: any = {}) {
	        return new Line(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.position = source["position"];
	        this.speakerId = source["speakerId"];
	        this.startMs = source["startMs"];
	        this.endMs = source["endMs"];
	        this.text = source["text"];
	        this.entryId = source["entryId"];
	        this.quotedIn = source["quotedIn"];
	    }
	}
	export class QuoteInput {
	    lineIds: number[];
	    activityId: number;
	    itemId: number;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new QuoteInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.lineIds = source["lineIds"];
	        this.activityId = source["activityId"];
	        this.itemId = source["itemId"];
	        this.text = source["text"];
	    }
	}
	export class Speaker {
	    id: number;
	    label: string;
	    memberId: number;
	    member: string;
	    team: boolean;
	    recording: boolean;
	    lines: number;
	
	    static createFrom(source: any = {}) {
	        return new Speaker(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.label = source["label"];
	        this.memberId = source["memberId"];
	        this.member = source["member"];
	        this.team = source["team"];
	        this.recording = source["recording"];
	        this.lines = source["lines"];
	    }
	}
	export class SpeakerInput {
	    speakerId: number;
	    memberId: number;
	    team: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SpeakerInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.speakerId = source["speakerId"];
	        this.memberId = source["memberId"];
	        this.team = source["team"];
	    }
	}
	export class Summary {
	    id: number;
	    sessionId: number;
	    fileName: string;
	    format: Format;
	    importedAt: string;
	    lineCount: number;
	    quoted: number;
	    unmatched: number;
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sessionId = source["sessionId"];
	        this.fileName = source["fileName"];
	        this.format = source["format"];
	        this.importedAt = source["importedAt"];
	        this.lineCount = source["lineCount"];
	        this.quoted = source["quoted"];
	        this.unmatched = source["unmatched"];
	    }
	}
	export class Transcript {
	    id: number;
	    sessionId: number;
	    fileName: string;
	    format: Format;
	    importedAt: string;
	    lineCount: number;
	    quoted: number;
	    unmatched: number;
	    speakers: Speaker[];
	    lines: Line[];
	
	    static createFrom(source: any = {}) {
	        return new Transcript(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sessionId = source["sessionId"];
	        this.fileName = source["fileName"];
	        this.format = source["format"];
	        this.importedAt = source["importedAt"];
	        this.lineCount = source["lineCount"];
	        this.quoted = source["quoted"];
	        this.unmatched = source["unmatched"];
	        this.speakers = this.convertValues(source["speakers"], Speaker);
	        this.lines = this.convertValues(source["lines"], Line);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

