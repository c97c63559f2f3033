import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { createTaskSchema, TASK_STATUSES, taskTransitionSchema } from '../contracts/crisis';

export const listTasksQuerySchema = z
  .object({
    crisisId: z.uuid().optional(),
    status: z.enum(TASK_STATUSES).optional(),
    serviceId: z.uuid().optional(),
  })
  .strict();

export class CreateTaskDto extends createZodDto(createTaskSchema) {}
export class TaskTransitionDto extends createZodDto(taskTransitionSchema) {}
export class ListTasksQueryDto extends createZodDto(listTasksQuerySchema) {}
export type CreateTaskInput = z.infer<typeof createTaskSchema>;
export type TaskTransitionInput = z.infer<typeof taskTransitionSchema>;
export type ListTasksQuery = z.infer<typeof listTasksQuerySchema>;
