export namespace board {
	
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
	    kind: string;
	    grantedOn: string;
	    expiresOn: string;
	    revokedOn: string;
	    note: string;
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
	        this.valid = source["valid"];
	    }
	}
	export class ConsentInput {
	    kind: string;
	    grantedOn: string;
	    expiresOn: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new ConsentInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.grantedOn = source["grantedOn"];
	        this.expiresOn = source["expiresOn"];
	        this.note = source["note"];
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
	    problems: string[];
	
	    static createFrom(source: any = {}) {
	        return new ImportRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.member = this.convertValues(source["member"], MemberInput);
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
	export class ImportPreview {
	    format: string;
	    encoding: string;
	    columns: ImportColumn[];
	    fields: string[];
	    unmapped: string[];
	    rows: ImportRow[];
	    valid: number;
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
	        this.valid = source["valid"];
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
	
	    static createFrom(source: any = {}) {
	        return new ImportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fileName = source["fileName"];
	        this.content = source["content"];
	        this.mapping = source["mapping"];
	        this.encoding = source["encoding"];
	    }
	}
	export class ImportResult {
	    created: number;
	    segments: number;
	    tags: number;
	
	    static createFrom(source: any = {}) {
	        return new ImportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.created = source["created"];
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
	    status: string;
	    joinedOn: string;
	    source: string;
	    notes: string;
	    usageFrequency: string;
	    articulation: number;
	    tone: string;
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
	    what: string;
	    valueCents: number;
	    currency: string;
	    givenOn: string;
	    note: string;
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Reward(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.memberId = source["memberId"];
	        this.what = source["what"];
	        this.valueCents = source["valueCents"];
	        this.currency = source["currency"];
	        this.givenOn = source["givenOn"];
	        this.note = source["note"];
	        this.createdAt = source["createdAt"];
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
	
	export class RewardInput {
	    what: string;
	    valueCents: number;
	    currency: string;
	    givenOn: string;
	    note: string;
	
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
	    kind: string;
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

export namespace main {
	
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

