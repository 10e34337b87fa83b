// Enumerations shared by browser and server; the database checks the same values.
export type InstanceRole = 'admin' | 'coordinator' | 'member';
export type CourseRole = 'owner' | 'editor' | 'commenter' | 'viewer';
export type Perspective = 'lecturer' | 'company_partner' | 'student' | 'coordinator' | 'other';
export type CourseStatus = 'draft' | 'in_review' | 'changes_requested' | 'approved' | 'published';
