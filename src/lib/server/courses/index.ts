export { getCourseAccess, authorizeCourse, type CourseAccess } from './access';
export { createCourse, listMyCourses, renameCourse, setCourseArchived, type CourseSummary } from './courses';
export { listMembers, changeMember, removeMember, addOrUpgradeMember, presenceColor, type Member } from './members';
export { loadTeam, type Team } from './team';
export {
	addCourseLanguage,
	courseLanguages,
	makeCoursePrimaryLanguage,
	removeCourseLanguage,
	type CourseLanguage,
	type CourseLanguages,
	type RemoveLanguageResult
} from './languages';
